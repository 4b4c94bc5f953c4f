import { COLLECTIONS, insert } from '../../db';
import type { TimelineRecord } from '../../records';
import type { TimelineArea } from '../../views';
import { sendSubscribeMessage } from '../notify/sendSubscribeMessage';
import type { TemplateKey } from '../notify/schemas';

const TEMPLATE_BY_AREA: Record<TimelineArea, TemplateKey> = {
  membership: 'membership_status',
  transfer: 'transfer_status',
};

export interface TimelineChange {
  openid: string;
  area: TimelineArea;
  refId: string;
  title: string;
  status: string;
  statusText: string;
  note?: string;
  at: Date;
  /** Send a subscribe message when the member consented (not for the member's own submissions). */
  notify?: boolean;
}

/** Every status change of every module lands here (我的申请), optionally followed by a subscribe message. */
export async function addTimelineEntry(change: TimelineChange): Promise<void> {
  const { notify, ...fields } = change;
  const record: TimelineRecord = { ...fields };
  if (record.note === undefined) delete record.note;
  await insert(COLLECTIONS.timeline, record);
  if (notify) {
    await sendSubscribeMessage(change.openid, TEMPLATE_BY_AREA[change.area], {
      title: change.title,
      statusText: change.statusText,
      note: change.note,
      at: change.at,
    });
  }
}
