/**
 * One error class for the whole function; the router alone turns errors into envelopes. The codes every
 * area may use are here; an area's own codes live in its folder (`modules/<area>/errors.ts`, made with
 * `defineErrors`), and the app learns the union of all of them from the action table (contract.ts).
 */
export const BASE_ERRORS = {
  INVALID_INPUT: '提交的信息有误，请检查后重试',
  UNAUTHENTICATED: '未获取到微信身份，请在微信中重新打开小程序',
  FORBIDDEN: '您没有权限进行此操作',
  NOT_FOUND: '记录不存在或已被删除',
  CONFLICT: '数据已被他人修改，请刷新后重试',
  BUSY: '当前办理的人较多，请稍后再试',
  NOT_MEMBER: '您还不是工会会员，请先完成实名入会',
  MEMBER_INACTIVE: '该会员的会籍当前不可用',
  INTERNAL: '服务暂时不可用，请稍后重试',
} as const;

export type BaseErrorCode = keyof typeof BASE_ERRORS;

export class AppError extends Error {
  readonly code: string;
  readonly details?: Record<string, unknown>;

  constructor(code: string, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

/** An error with one of the shared codes; the message defaults to the code's Chinese text. */
export function fail(code: BaseErrorCode, message: string = BASE_ERRORS[code], details?: Record<string, unknown>): AppError {
  return new AppError(code, message, details);
}

/**
 * An area's own error codes with their default messages: `const errors = defineErrors({ QUOTA_FULL: '名额已满' })`,
 * then `throw errors.fail('QUOTA_FULL')`. The module lists `errors.codes` so the contract knows them.
 */
export function defineErrors<const M extends Record<string, string>>(codes: M) {
  return {
    codes,
    fail(code: keyof M & string, message: string = codes[code], details?: Record<string, unknown>): AppError {
      return new AppError(code, message, details);
    },
  };
}
