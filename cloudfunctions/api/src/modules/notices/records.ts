import type { StoredDate } from '../../shared/records';

export interface NoticeRecord {
  _id: string;
  title: string;
  /** Publication date shown to members, YYYY-MM-DD (China time). */
  date: string;
  body: string;
  coverFileId?: string;
  /** The union that publishes it (staff edit only their own subtree's notices). */
  orgId: string;
  orgName: string;
  orgPath: string[];
  createdBy: string;
  createdAt: StoredDate;
  updatedAt: StoredDate;
  [key: string]: unknown;
}
