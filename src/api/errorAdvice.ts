/**
 * What a screen offers after a failed load: 重试 only when trying again can help (network, a busy or failing
 * server); for permission and membership errors it says what to do instead (pure, unit-tested).
 */
export interface ErrorAdvice {
  retry: boolean;
  /** What the person can do about it, shown under the message. */
  hint?: string;
}

const RETRYABLE = new Set(['NETWORK', 'INTERNAL', 'BUSY']);

const HINTS: Record<string, string> = {
  FORBIDDEN: '如需办理，请联系所属工会或系统管理员开通相应权限。',
  UNAUTHENTICATED: '请关闭后在微信中重新打开小程序。',
  NOT_MEMBER: '完成实名入会并通过审核后即可使用。',
  MEMBER_INACTIVE: '会籍暂不可用，请联系所属工会了解详情。',
  NOT_FOUND: '内容可能已被删除，请返回上一页。',
  CONFLICT: '内容已有变化，请返回列表后重新打开。',
};

export function errorAdvice(code: string | null | undefined): ErrorAdvice {
  if (!code || RETRYABLE.has(code)) return { retry: true };
  return { retry: false, hint: HINTS[code] };
}
