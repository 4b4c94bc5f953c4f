import { z } from 'zod';
import { pageField, recordId } from '../../lib/schemaParts';
import { fileIdPattern } from '../../shared/files';
import { URGENCIES, VOICE_KINDS, VOICE_STATUSES } from '../../rules/voice';

const text = (label: string, max: number, min = 1) =>
  z
    .string()
    .trim()
    .min(min, min > 1 ? `${label}至少${min}个字` : `请填写${label}`)
    .max(max, `${label}不超过${max}个字`);
/** A key the app makes per form, so that a double tap stores one report. */
const requestId = z.string().regex(/^[A-Za-z0-9_-]{8,40}$/, '请求编号格式不正确');
const anonymous = z.boolean({ error: '请选择是否向单位匿名' });

export const voiceHazardInput = z.strictObject({
  description: text('隐患情况', 500, 5),
  place: text('隐患地点', 100, 2),
  /** The point chosen on the map, when the member chose one. */
  point: z
    .strictObject({
      latitude: z.number().min(-90).max(90),
      longitude: z.number().min(-180).max(180),
    })
    .optional(),
  urgency: z.enum(URGENCIES, { error: '请选择紧急程度' }),
  photos: z.array(z.string().max(300).regex(fileIdPattern, '文件无效，请重新上传')).max(9, '现场照片最多9张'),
  anonymous,
  requestId,
});
export type VoiceHazardInput = z.infer<typeof voiceHazardInput>;

export const voiceSuggestInput = z.strictObject({
  title: text('建议标题', 40, 4),
  problem: text('存在问题', 1000, 10),
  proposal: text('建议内容', 1000, 10),
  benefit: text('预期效益', 500, 2),
  anonymous,
  requestId,
});
export type VoiceSuggestInput = z.infer<typeof voiceSuggestInput>;

export const reportIdInput = z.strictObject({ reportId: recordId });
export const voiceMineInput = z.strictObject({ page: pageField });
export const voiceQueueInput = z.strictObject({
  kind: z.enum(VOICE_KINDS).optional(),
  status: z.enum(VOICE_STATUSES).optional(),
  page: pageField,
});
export type VoiceQueueInput = z.infer<typeof voiceQueueInput>;

export const voiceDeclineInput = z.strictObject({ reportId: recordId, reason: text('不予受理的原因', 200, 2) });
export const voiceForwardInput = z.strictObject({
  reportId: recordId,
  to: text('转交对象', 60, 2),
  /** Staff's own words added to the composed text (checked for the reporter's identity when anonymous). */
  note: text('附言', 200, 0),
});
export type VoiceForwardInput = z.infer<typeof voiceForwardInput>;
export const voiceReplyInput = z.strictObject({ reportId: recordId, text: text('答复内容', 500, 2) });
/** adopted: required for a suggestion (checked by the handler, naming the field), not asked for a hazard. */
export const voiceCloseInput = z.strictObject({
  reportId: recordId,
  adopted: z.boolean().optional(),
  note: text('办结说明', 200, 0),
});
export type VoiceCloseInput = z.infer<typeof voiceCloseInput>;
export const voiceRecogniseInput = z.strictObject({ reportId: recordId, note: text('表彰说明', 100, 2) });

const month = z.string().regex(/^20\d\d-(0[1-9]|1[0-2])$/, '月份格式应为YYYY-MM');
export const voiceTallyInput = z.strictObject({ month });
