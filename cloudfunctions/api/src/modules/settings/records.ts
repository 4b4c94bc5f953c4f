/** The settings document as stored (collection `settings`, _id `union`) and as the app reads it. */
import { AREA_LABELS, SWITCHABLE_AREAS, type SwitchableArea } from '../../rules/areas';
import type { MessagePart } from '../../rules/messageFields';
import type { StoredDate } from '../../shared/records';

export { AREA_LABELS, SWITCHABLE_AREAS, type SwitchableArea };

export interface MapPoint {
  latitude: number;
  longitude: number;
}

export interface UnionFacts {
  name: string;
  shortName: string;
  city: string;
  /** 12351 or a local hotline. */
  hotline: string;
  /** The districts (区/县/市) members and places belong to, in display order: the only ones places may name. */
  districts: string[];
  /** Where the directory measures from when a member picks a district instead of sharing location (GCJ-02). */
  districtCenters: Record<string, MapPoint>;
  /** Where maps open (GCJ-02); null until the union sets it. */
  mapCenter: MapPoint | null;
}

export interface Deadlines {
  /** Days an application or booking may wait for review before it is flagged overdue. */
  reviewDays: number;
  /** Hours a waitlist offer stays open. */
  offerClaimHours: number;
  /** Hours a setup code stays valid. */
  setupCodeHours: number;
  /** Hours within which the union promises a first answer to a legal question asked online (线上法律咨询). */
  firstAnswerHours: number;
}

/** Everything of the settings any caller may read (settings.get). */
export interface UnionSettings {
  union: UnionFacts;
  areas: Record<SwitchableArea, boolean>;
  /** Subscribe-message template key → template id from 小程序后台 (absent: the key itself, locally). */
  subscribeTemplateIds: Record<string, string>;
  /** Template key → message field (thing1, time2…) → what fills it (status, title, time…). */
  subscribeTemplateFields: Record<string, Record<string, MessagePart>>;
  deadlines: Deadlines;
}

export interface SettingsView extends UnionSettings {
  /** Increases with every save; settings.save sends the version it read (stale → CONFLICT). 0 = never saved. */
  version: number;
  updatedAt: StoredDate | null;
}

export interface SettingsRecord extends Partial<UnionSettings> {
  _id: string;
  version?: number;
  updatedAt?: StoredDate;
  updatedBy?: string;
  /** Written by `npm run deploy`. */
  deployedAt?: StoredDate;
  [key: string]: unknown;
}
