/** Inputs of the counselling actions (zod, strict, bounded; Chinese messages the member can act on). */
import { z } from 'zod';
import { dayField, mobileField, pageField, recordId } from '../../lib/schemaParts';
import {
  CANCEL_BEFORE_MAX_HOURS,
  CANCEL_REASON_MAX,
  CANCEL_REASON_MIN,
  checkOpenHours,
  NOTE_MAX,
  PSEUDONYM_MAX,
  PSEUDONYM_MIN,
  PSEUDONYM_PATTERN,
  SESSION_MINUTES,
} from '../../rules/counselling';
import { TIME_PATTERN } from '../../rules/legalAid';

const text = (label: string, min: number, max: number) =>
  z.string().trim().min(min, `请填写${label}（至少${min}个字）`).max(max, `${label}不超过${max}个字`);

const slotId = z.string().regex(/^[a-z0-9-]{2,24}_\d{4}-\d{2}-\d{2}_t\d{4}$/, '预约时段格式不正确，请重新选择');
const bookingId = z.string().regex(/^[a-z0-9-]{2,24}_\d{4}-\d{2}-\d{2}_t\d{4}_[A-Za-z0-9_-]{4,64}$/, '预约编号格式不正确');

export const pseudonymField = z
  .string()
  .trim()
  .min(PSEUDONYM_MIN, `化名至少${PSEUDONYM_MIN}个字`)
  .max(PSEUDONYM_MAX, `化名不超过${PSEUDONYM_MAX}个字`)
  .regex(PSEUDONYM_PATTERN, '化名只能包含汉字、字母、数字');

export const counsellingRoomsInput = z.strictObject({});
export const counsellingRoomInput = z.strictObject({ roomId: recordId });
export const counsellingSlotsInput = z.strictObject({ roomId: recordId });
export const counsellingProfileInput = z.strictObject({});
export const counsellingSetPseudonymInput = z.strictObject({ pseudonym: pseudonymField });
export const counsellingBookInput = z.strictObject({
  slotId,
  pseudonym: pseudonymField,
  contact: mobileField,
  /** The member agrees that the counsellor keeps notes of the session (off unless ticked). */
  noteConsent: z.boolean(),
});
export const counsellingMineInput = z.strictObject({ page: pageField });
export const counsellingBookingInput = z.strictObject({ bookingId });
export const counsellingDeskInput = z.strictObject({
  roomId: recordId,
  view: z.enum(['upcoming', 'past'], { error: '列表应为即将或已过' }),
  page: pageField,
});
export const counsellingMarkInput = z.strictObject({
  bookingId,
  status: z.enum(['completed', 'no_show'], { error: '请选择已完成或未到场' }),
});
export const counsellingNoteInput = z.strictObject({ bookingId, note: text('咨询记录', 2, NOTE_MAX) });
export const counsellingRoomCancelInput = z.strictObject({
  bookingId,
  reason: text('取消原因', CANCEL_REASON_MIN, CANCEL_REASON_MAX),
});
export const counsellingStatsInput = z.strictObject({
  month: z.string().regex(/^20\d{2}-(0[1-9]|1[0-2])$/, '月份格式应为YYYY-MM'),
});

const openHours = z.strictObject({
  weekday: z.number().int().min(1, '星期应为1–7').max(7, '星期应为1–7'),
  start: z.string().regex(TIME_PATTERN, '开始时间格式应为HH:MM'),
  end: z.string().regex(TIME_PATTERN, '结束时间格式应为HH:MM'),
});

export const counsellingSaveRoomInput = z
  .strictObject({
    /** Absent: a new room. */
    roomId: recordId.optional(),
    /** Made by the form once per new room: a double tap or a retry creates one room. */
    requestId: z
      .string()
      .regex(/^[A-Za-z0-9_-]{8,40}$/, '请求编号格式不正确，请重新打开页面')
      .optional(),
    name: text('咨询室名称', 2, 40),
    address: text('地址', 4, 80),
    phone: z
      .string()
      .trim()
      .regex(/^[0-9][0-9 -]{4,19}$/, '联系电话应为5–20位数字（可含空格、短横线），如 0519-8860 1235'),
    orgId: recordId,
    hours: z.array(openHours).min(1, '请至少填写一段开放时间').max(21, '开放时间最多21段'),
    sessionMinutes: z
      .number()
      .int()
      .refine((m) => (SESSION_MINUTES as readonly number[]).includes(m), `每次咨询时长应为${SESSION_MINUTES.join('、')}分钟之一`),
    cancelBeforeHours: z
      .number()
      .int('取消时限应为整数小时')
      .min(0, '取消时限不能为负数')
      .max(CANCEL_BEFORE_MAX_HOURS, `取消时限不超过${CANCEL_BEFORE_MAX_HOURS}小时`),
    closures: z.array(dayField()).max(60, '暂停开放日期最多60个').default([]),
  })
  .superRefine((v, ctx) => {
    const problem = checkOpenHours(v.hours, v.sessionMinutes);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['hours'] });
  });

export type CounsellingSaveRoomInput = z.infer<typeof counsellingSaveRoomInput>;
export type CounsellingBookInput = z.infer<typeof counsellingBookInput>;
export type CounsellingDeskInput = z.infer<typeof counsellingDeskInput>;
export const counsellingConsentInput = z.strictObject({ bookingId, consent: z.boolean() });
