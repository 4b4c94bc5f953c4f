import { z } from 'zod';
import { dayField, pageField, recordId } from '../../lib/schemaParts';
import { fileIdPattern } from '../../shared/files';
import { NOTICE_AUDIENCES } from './records';

export const noticesListInput = z.strictObject({ page: pageField, mine: z.boolean().optional() });
export const noticesGetInput = z.strictObject({ noticeId: recordId });
export const noticesSaveInput = z.strictObject({
  /** Absent to publish a new notice; present to edit one. */
  noticeId: recordId.optional(),
  title: z.string().trim().min(4, '标题至少4个字').max(40, '标题不超过40个字'),
  date: dayField('请选择发布日期'),
  body: z.string().trim().min(10, '正文至少10个字').max(4000, '正文不超过4000字'),
  coverFileId: z.string().max(300).regex(fileIdPattern, '封面图片无效，请重新上传').optional(),
  orgId: recordId,
  /** Who reads it: every member (default), union staff only, or the members of the publishing union's subtree. */
  audience: z.enum(NOTICE_AUDIENCES, { error: '请选择阅读范围' }).optional(),
});
export type NoticesSaveInput = z.infer<typeof noticesSaveInput>;
export const noticesRemoveInput = z.strictObject({ noticeId: recordId });
