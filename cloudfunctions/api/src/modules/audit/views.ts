/** One line of 操作日志, in words: who (by name), did what (in Chinese), to whom or what. */
export interface AuditEntry {
  _id: string;
  at: string;
  actorName: string;
  actionLabel: string;
  summary: string;
  kind: 'change' | 'pii_view';
  /** The union concerned, by name, when the action concerns one. */
  orgName?: string;
}
