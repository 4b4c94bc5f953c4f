import type { CampaignKind, CampaignStatus, EntrySource, EntryStatus } from '../../rules/campaigns';
import type { StoredDate } from '../../shared/records';

export interface Station {
  /** s1, s2 … in the order staff listed them. */
  id: string;
  name: string;
  address: string;
}

export interface CampaignRecord {
  _id: string;
  kind: CampaignKind;
  title: string;
  /** What each person gets, e.g. 防暑降温用品一份. */
  gift: string;
  /** Collection window, China days (inclusive). */
  startDate: string;
  endDate: string;
  stations: Station[];
  /** The union running it: its staff build the list (from its subtree) and its subtree's staff hand out. */
  orgId: string;
  orgName: string;
  orgPath: string[];
  status: CampaignStatus;
  /** Moved inside the collecting transaction, so that a collection and closing the campaign write one document. */
  collectedCount: number;
  createdBy: string;
  createdAt: StoredDate;
  closedAt?: StoredDate;
  /** false from the closing until its waiting entries are marked closed (the timer finishes what the closing could not). */
  entriesSwept?: boolean;
  [key: string]: unknown;
}

export interface EntryRecord {
  _id: string;
  campaignId: string;
  openid: string;
  cardNo: string;
  /** The only form of the name stored here: staff lists and exports show nothing more. */
  nameMasked: string;
  orgName: string;
  orgPath: string[];
  sources: EntrySource[];
  status: EntryStatus;
  /** Copied from the campaign so that 消息与待办 reads one collection (the window does not change). */
  campaignTitle: string;
  kind: CampaignKind;
  gift: string;
  endDate: string;
  endsAt: StoredDate;
  /** The stations' names, for the item in 消息与待办. */
  stationsText: string;
  addedAt: StoredDate;
  addedBy: string;
  collectedAt?: StoredDate;
  stationId?: string;
  stationName?: string;
  collectedBy?: string;
  removedAt?: StoredDate;
  [key: string]: unknown;
}
