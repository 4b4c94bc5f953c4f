import { insert, insertMany } from '../db';
import { currentHouse } from '../house';
import { CORE_COLLECTIONS } from './collections';
import { sendSubscribeMessage, sendSubscribeMessages } from './notify';
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

/**
 * Several status changes at once (a batch decision): the entries in one request, then the consents of those
 * to notify read in one request and each consented message sent as `addTimelineEntry` sends it.
 */
export async function addTimelineEntries(changes: TimelineChange[]): Promise<void> {
  await insertMany(
    CORE_COLLECTIONS.timeline,
    changes.map(({ notify: _notify, ...fields }) => {
      const record: TimelineRecord = { ...fields };
      if (record.note === undefined) delete record.note;
      return record;
    }),
  );
  const kinds = currentHouse().timelineKinds;
  const messages = changes
    .filter((c) => c.notify && Object.prototype.hasOwnProperty.call(kinds, c.area))
    .map((c) => ({
      openid: c.openid,
      templateKey: kinds[c.area].template,
      message: { title: c.title, statusText: c.statusText, note: c.note, at: c.at },
    }));
  await sendSubscribeMessages(messages);
}
