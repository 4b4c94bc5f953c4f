import type { NoticeAudience } from './records';

export interface NoticeSummary {
  _id: string;
  title: string;
  date: string;
  orgName: string;
  audience: NoticeAudience;
  /** The first lines of the body. */
  excerpt: string;
  coverUrl?: string;
}

export interface NoticeView extends NoticeSummary {
  body: string;
  orgId: string;
  coverFileId?: string;
  /** True when the caller may edit or remove it. */
  editable: boolean;
}
