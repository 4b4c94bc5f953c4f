import type { StoredDate } from '../../shared/records';

/**
 * all: every member and visitor; staff: union staff of the publishing union's subtree (a circular to 各基层工会);
 * subtree: the members and staff of the publishing union's subtree.
 */
export const NOTICE_AUDIENCES = ['all', 'staff', 'subtree'] as const;
export type NoticeAudience = (typeof NOTICE_AUDIENCES)[number];

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
  /** Absent on notices written before audiences existed: all. */
  audience?: NoticeAudience;
  createdBy: string;
  createdAt: StoredDate;
  updatedAt: StoredDate;
  [key: string]: unknown;
}
