import type { CampaignKind, CampaignStatus, EntryStatus } from '../../rules/campaigns';
import type { Station } from './records';

export interface CampaignView {
  _id: string;
  kind: CampaignKind;
  kindLabel: string;
  title: string;
  gift: string;
  startDate: string;
  endDate: string;
  stations: Station[];
  orgId: string;
  orgName: string;
  status: CampaignStatus;
  statusLabel: string;
  collectedCount: number;
  /** The caller may build the list, close and export (staff of the campaign's union or above). */
  canManage: boolean;
}

export interface CampaignDetailView extends CampaignView {
  counts: { listed: number; collected: number; removed: number };
}

/** A person on a list as staff see them: masked name only. */
export interface EntryView {
  openid: string;
  nameMasked: string;
  orgName: string;
  sourceLabels: string[];
  status: EntryStatus;
  statusLabel: string;
  collectedAt?: string;
  stationName?: string;
}

/** The member's own item: what, until when, where; and when and where it was collected. */
export interface MyCampaignView {
  campaignId: string;
  title: string;
  kindLabel: string;
  gift: string;
  startDate: string;
  endDate: string;
  stations: Station[];
  status: EntryStatus;
  statusLabel: string;
  collectedAt?: string;
  stationName?: string;
}

/** What a station's staff see after a code is read: the masked name and what to hand over. */
export interface CheckView {
  member: { nameMasked: string; orgName: string };
  campaign: { _id: string; title: string; gift: string };
  station: Station;
  sourceLabels: string[];
  ticket: string;
  ticketExpiresAt: string;
}
