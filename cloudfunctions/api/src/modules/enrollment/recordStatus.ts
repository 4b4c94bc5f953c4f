/** Every status change of an enrollment lands in the member's 我的申请 (and, when staff made it, a subscribe message). */
import { addTimelineEntry } from '../../shared/timeline';
import type { EnrollmentRecord, EnrollmentStatus } from './records';

/** One term per status, whatever the screen (≤5 characters: the subscribe message's phrase field). */
export const STATUS_TEXT: Record<EnrollmentStatus, string> = {
  applied: '待抽签',
  pending: '待审核',
  approved: '报名成功',
  waitlisted: '候补中',
  offered: '待确认递补',
  rejected: '未通过',
  cancelled: '已取消',
  declined: '已放弃',
  expired: '递补已过期',
  removed: '已取消资格',
};

/** Timeline events that are not a status: attendance, and the member's union confirming (单位推荐). */
type OtherEvent = 'checked_in' | 'no_show' | 'unit_confirmed';
export type EnrollmentEvent = EnrollmentStatus | OtherEvent;
const EVENT_TEXT: Record<OtherEvent, string> = { checked_in: '已签到', no_show: '未到', unit_confirmed: '单位已推荐' };

export async function recordStatus(
  enrollment: Pick<EnrollmentRecord, '_id' | 'openid' | 'area'>,
  activityTitle: string,
  event: EnrollmentEvent,
  at: Date,
  options: { note?: string; notify?: boolean } = {},
): Promise<void> {
  const statusText = event in EVENT_TEXT ? EVENT_TEXT[event as OtherEvent] : STATUS_TEXT[event as EnrollmentStatus];
  await addTimelineEntry({
    openid: enrollment.openid,
    area: enrollment.area,
    refId: enrollment._id,
    title: activityTitle,
    status: event,
    statusText,
    ...(options.note ? { note: options.note } : {}),
    at,
    notify: options.notify ?? false,
  });
}
