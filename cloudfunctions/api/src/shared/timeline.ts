import { insert } from '../db';
import { currentHouse } from '../house';
import { CORE_COLLECTIONS } from './collections';
import { sendSubscribeMessage } from './notify';
import type { TimelineRecord } from './records';

export interface TimelineChange {
  openid: string;
  /** A timeline kind declared by the writing module (ModuleDef.timeline), e.g. membership. */
  area: string;
  refId: string;
  title: string;
  status: string;
  statusText: string;
  note?: string;
  at: Date;
  /** Send a subscribe message when the member consented (not for the member's own submissions). */
  notify?: boolean;
}

/**
 * Every status change of every area lands here (我的申请), optionally followed by a subscribe message with the
 * template the writing area declared for the kind (ModuleDef.timeline, from the house of the running call).
 */
export async function addTimelineEntry(change: TimelineChange): Promise<void> {
  const { notify, ...fields } = change;
  const record: TimelineRecord = { ...fields };
  if (record.note === undefined) delete record.note;
  await insert(CORE_COLLECTIONS.timeline, record);
  const kinds = currentHouse().timelineKinds;
  const kind = Object.prototype.hasOwnProperty.call(kinds, change.area) ? kinds[change.area] : undefined;
  if (notify && kind) {
    await sendSubscribeMessage(change.openid, kind.template, {
      title: change.title,
      statusText: change.statusText,
      note: change.note,
      at: change.at,
    });
  }
}
