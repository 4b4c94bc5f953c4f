/** What each state of an invitation means to the person holding the link (pure). */
export const INVITE_STATUS_TEXT: Record<string, string> = {
  open: '待接受',
  accepted: '已接受',
  revoked: '已撤回',
  expired: '已过期',
};

/** The accept page's path with the code: what the share card opens and the QR code / copied link carries. */
export function acceptPath(code: string): string {
  return `/packages/invite/accept/index?code=${encodeURIComponent(code)}`;
}
