/** One error class and one code list for the whole function; the router alone turns these into envelopes. */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'ALREADY_MEMBER',
  'APPLICATION_LOCKED',
  'NOT_MEMBER',
  'TOKEN_INVALID',
  'TOKEN_EXPIRED',
  'MEMBER_INACTIVE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Default Chinese messages a member can act on (a thrower may give a more specific one). */
export const DEFAULT_MESSAGES: Record<ErrorCode, string> = {
  INVALID_INPUT: '提交的信息有误，请检查后重试',
  UNAUTHENTICATED: '未获取到微信身份，请在微信中重新打开小程序',
  FORBIDDEN: '您没有权限进行此操作',
  NOT_FOUND: '记录不存在或已被删除',
  CONFLICT: '数据已被他人修改，请刷新后重试',
  ALREADY_MEMBER: '该身份证号已入会，如有疑问请联系所在工会',
  APPLICATION_LOCKED: '入会申请已审核通过，不能再修改',
  NOT_MEMBER: '您还不是工会会员，请先完成实名入会',
  TOKEN_INVALID: '会员码无效，请让会员刷新后重新出示',
  TOKEN_EXPIRED: '会员码已过期，请让会员刷新后重新出示',
  MEMBER_INACTIVE: '该会员的会籍当前不可用',
  INTERNAL: '服务暂时不可用，请稍后重试',
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: Record<string, unknown>;

  constructor(code: ErrorCode, message: string = DEFAULT_MESSAGES[code], details?: Record<string, unknown>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}
