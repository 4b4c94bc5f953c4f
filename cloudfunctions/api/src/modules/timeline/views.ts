/** One line of 我的申请 (the member's application timeline). */
export interface TimelineEntry {
  _id: string;
  /** The kind of application (membership, transfer, …); the app shows its label. */
  area: string;
  refId: string;
  title: string;
  status: string;
  statusText: string;
  note?: string;
  at: string;
}
