import { z } from 'zod';
import { emptyInput, mobileField, pageField, personName } from '../../lib/schemaParts';
import {
  CASE_TEXT_MAX,
  CASE_TEXT_MIN,
  CONSULT_TYPES,
  EVIDENCE_EXTENSION,
  isCalendarDate,
  MAX_EVIDENCE_FILES,
  PERIOD_PATTERN,
  REFERRALS,
  ROSTER_WEEKS,
  SLOT_ID_PATTERN,
  STATION_ID_PATTERN,
  TIME_PATTERN,
  WAYS,
} from '../../rules/legalAid';
import { withinYears, YEARS_MESSAGE } from '../../rules/dates';
import { fileIdPattern } from '../../shared/files';

export const stationIdField = z.string().max(24).regex(STATION_ID_PATTERN, '编号格式不正确');
export const slotIdField = z
  .string()
  .max(64)
  .regex(SLOT_ID_PATTERN, '格式不正确，请重新选择时段')
  .refine((id) => isCalendarDate(id.split('_')[1] ?? ''), '日期不存在，请重新选择时段');
/** `${slotId}_P<24 hex>` (the person key is an opaque hash, never the openid). */
export const bookingIdField = z
  .string()
  .max(100)
  .regex(/^[a-z0-9-]{2,24}_\d{4}-\d{2}-\d{2}_(am|pm|eve|t\d{4})_P[0-9a-f]{24}$/, '格式不正确，请从列表重新打开');
export const dateField = z.string().max(10).refine(isCalendarDate, '日期应为有效的YYYY-MM-DD').refine(withinYears, YEARS_MESSAGE);
const timeField = z.string().max(5).regex(TIME_PATTERN, '时间应为HH:MM，如09:00');
const lawyersField = z
  .array(z.string().trim().min(2, '值班人员姓名至少2个字').max(20, '值班人员姓名不超过20个字'))
  .min(1, '请至少填写一位值班律师或调解员')
  .max(6, '每个时段最多6位值班人员');
const capacityField = z.number().int('请填写整数').min(1, '至少1人').max(50, '每个时段最多50人');
const evidenceField = z
  .string()
  .max(300)
  .regex(fileIdPattern, '文件无效，请重新上传')
  .regex(EVIDENCE_EXTENSION, '只能上传照片（jpg、png、webp、heic）或PDF文件');

export const legalAidStationsInput = emptyInput;
export const legalAidSlotsInput = z.strictObject({
  stationId: stationIdField,
  /** First day (China date); default today. */
  from: dateField.optional(),
  dayCount: z
    .number()
    .int()
    .min(1)
    .max(ROSTER_WEEKS * 7)
    .optional(),
});
export type LegalAidSlotsInput = z.infer<typeof legalAidSlotsInput>;

export const legalAidBookInput = z.strictObject({
  slotId: slotIdField,
  type: z.enum(CONSULT_TYPES, { error: '请选择咨询类型' }),
  way: z.enum(WAYS, { error: '请选择咨询方式' }),
  caseText: z
    .string()
    .trim()
    .min(CASE_TEXT_MIN, `请简要描述您的情况（至少${CASE_TEXT_MIN}个字）`)
    .max(CASE_TEXT_MAX, `不超过${CASE_TEXT_MAX}个字`),
  /** Photos or PDFs the member uploaded (may be empty). */
  evidence: z.array(evidenceField).max(MAX_EVIDENCE_FILES, `最多上传${MAX_EVIDENCE_FILES}个文件`),
  /** Non-members (and members asking for a call-back without a number on file) give a name and a mobile. */
  contactName: personName.optional(),
  contactMobile: mobileField.optional(),
});
export type LegalAidBookInput = z.infer<typeof legalAidBookInput>;

export const legalAidMineInput = z.strictObject({ page: pageField });
export const legalAidBookingInput = z.strictObject({ bookingId: bookingIdField });
export const legalAidRescheduleInput = z.strictObject({ bookingId: bookingIdField, slotId: slotIdField });
export const legalAidRateInput = z.strictObject({
  bookingId: bookingIdField,
  stars: z.number().int('请选择1至5星').min(1, '请选择1至5星').max(5, '请选择1至5星'),
  comment: z.string().trim().max(200, '不超过200个字').optional(),
});

export const legalAidBookingsInput = z.strictObject({
  stationId: stationIdField.optional(),
  view: z.enum(['today', 'upcoming', 'past']),
  page: pageField,
});
export type LegalAidBookingsInput = z.infer<typeof legalAidBookingsInput>;

export const legalAidMarkInput = z.strictObject({ bookingId: bookingIdField, status: z.enum(['arrived', 'no_show']) });
export const legalAidStationCancelInput = z.strictObject({
  bookingId: bookingIdField,
  reason: z.string().trim().min(2, '请填写取消原因').max(60, '取消原因不超过60个字'),
});
export const legalAidCompleteInput = z.strictObject({
  bookingId: bookingIdField,
  /** What the member is told (shown in 我的预约). */
  summary: z.string().trim().min(4, '至少4个字，请写明给当事人的答复').max(300, '不超过300个字'),
  /** Confidential notes for the station only. */
  notes: z.string().trim().max(2000, '不超过2000个字').optional(),
  referral: z.enum(REFERRALS, { error: '请选择后续处理方式' }),
});
export type LegalAidCompleteInput = z.infer<typeof legalAidCompleteInput>;

const patternField = z
  .strictObject({
    weekday: z.number().int().min(1, '星期应为1至7').max(7, '星期应为1至7'),
    period: z.string().max(5).regex(PERIOD_PATTERN, '时段应为am、pm、eve或t加开始时间（如t0930）'),
    start: timeField,
    end: timeField,
    lawyers: lawyersField,
    capacity: capacityField,
  })
  .refine((p) => p.start < p.end, { message: '结束时间应晚于开始时间', path: ['end'] });

export const legalAidRosterInput = z.strictObject({ stationId: stationIdField });
export const legalAidSaveRosterInput = z
  .strictObject({
    stationId: stationIdField,
    patterns: z.array(patternField).max(42, '每周最多42个值班时段'),
    exceptions: z.array(dateField).max(60, '暂停接待日期最多60个'),
  })
  .refine((r) => new Set(r.patterns.map((p) => `${p.weekday}_${p.period}`)).size === r.patterns.length, {
    message: '同一天的同一时段只能安排一次',
    path: ['patterns'],
  });
export type LegalAidSaveRosterInput = z.infer<typeof legalAidSaveRosterInput>;

export const legalAidAddSlotInput = z
  .strictObject({
    stationId: stationIdField,
    slotDate: dateField,
    slotPeriod: z.string().max(5).regex(PERIOD_PATTERN, '时段应为am、pm、eve或t加开始时间（如t0930）'),
    start: timeField,
    end: timeField,
    lawyers: lawyersField,
    capacity: capacityField,
  })
  .refine((s) => s.start < s.end, { message: '结束时间应晚于开始时间', path: ['end'] });
export type LegalAidAddSlotInput = z.infer<typeof legalAidAddSlotInput>;

export const legalAidEditSlotInput = z
  .strictObject({
    slotId: slotIdField,
    start: timeField.optional(),
    end: timeField.optional(),
    lawyers: lawyersField.optional(),
    capacity: capacityField.optional(),
    /** Told to the members already booked (e.g. 值班律师临时调整). */
    changeNote: z.string().trim().max(60, '不超过60个字').optional(),
  })
  .refine((s) => s.start || s.end || s.lawyers || s.capacity, {
    message: '请至少修改一项（时间、值班人员或可约人数）',
    path: ['slotId'],
  });
export type LegalAidEditSlotInput = z.infer<typeof legalAidEditSlotInput>;

export const legalAidCancelSlotInput = z.strictObject({
  slotId: slotIdField,
  reason: z.string().trim().min(2, '请填写取消值班的原因').max(60, '取消原因不超过60个字'),
});
