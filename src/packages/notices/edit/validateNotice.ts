/** The notice form checked on the phone with the limits the function applies (notices.save). */
export interface NoticeFields {
  title: string;
  date: string;
  body: string;
  orgId: string;
}

export type NoticeErrors = Partial<Record<keyof NoticeFields, string>>;

export function validateNotice(f: NoticeFields): NoticeErrors {
  const errors: NoticeErrors = {};
  const title = Array.from(f.title.trim()).length;
  if (!title) errors.title = '请填写标题';
  else if (title < 4 || title > 40) errors.title = '标题应为4至40个字';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(f.date)) errors.date = '请选择发布日期';
  const body = Array.from(f.body.trim()).length;
  if (body < 10) errors.body = '正文至少10个字';
  else if (body > 4000) errors.body = '正文不超过4000字';
  if (!f.orgId) errors.orgId = '请选择发布单位';
  return errors;
}

/** The server's fields the form shows under their own control. */
export const SHOWN = new Set(['title', 'date', 'body', 'orgId', 'audience', 'coverFileId']);

/** Closing the album is not an error. */
export const isCancel = (e: unknown) => /cancel/i.test(String((e as { errMsg?: string } | null)?.errMsg ?? ''));
