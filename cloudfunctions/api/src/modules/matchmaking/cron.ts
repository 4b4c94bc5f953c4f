/**
 * Housekeeping the `cron` function runs every 10 minutes (each task idempotent, safe to run twice):
 *  - closePicks: when an event's picks close, it is marked closed and its one-sided picks are erased (matches
 *    stay): after the close nobody — not even someone reading the database — can learn who picked whom;
 *  - sendFollowUps: 3 days and 3 weeks after an event, a follow-up (我的申请 + subscribe message) to each
 *    participant who checked in and consented at sign-up. Each is guarded by its own `sentAt` field, set before
 *    sending, so a message goes at most once whatever the runs.
 */
import { command, removeWhere } from '../../db';
import { addTimelineEntry } from '../../shared/timeline';
import { allEnrollments, areaActivities, updateActivity, updateEnrollment } from '../enrollment/engine';
import { MATCHMAKING_COLLECTIONS as C } from './collections';
import { FOLLOW_UP_STAGES, type FollowUpStage, type MatchmakingAreaFields } from './records';

const DAY = 86400_000;
/** A pick validated just before the close commits within the function timeout; a day of sweeps catches it. */
const SWEEP_MS = DAY;

export async function closePicks(now: Date): Promise<Record<string, number>> {
  const _ = command();
  const due = await areaActivities<MatchmakingAreaFields>(
    'matchmaking',
    { 'matchmaking.pickCloseAt': _.lte(now), 'matchmaking.picksClosedAt': _.exists(false) },
    { limit: 50 },
  );
  let closed = 0;
  for (const a of due) {
    closed += await updateActivity(a._id, { 'matchmaking.picksClosedAt': now }, { 'matchmaking.picksClosedAt': _.exists(false) });
  }
  const recent = await areaActivities<MatchmakingAreaFields>(
    'matchmaking',
    { 'matchmaking.picksClosedAt': _.gt(new Date(now.getTime() - SWEEP_MS)) },
    { limit: 100 },
  );
  let erased = 0;
  for (const a of recent) {
    erased += await removeWhere(C.pairs, { activityId: a._id, mutual: false });
    erased += await removeWhere(C.picks, { activityId: a._id });
  }
  return { closed, erased };
}

const FOLLOW_UP_NOTE: Record<FollowUpStage, string> = {
  d3: '活动已结束3天，交流还顺利吗？如有不适可屏蔽、举报或联系工会红娘',
  w3: '活动已结束3周，欢迎告诉工会红娘您的近况，如需帮助请联系组织工会',
};

async function followUp(stage: FollowUpStage, now: Date): Promise<{ events: number; sent: number }> {
  const _ = command();
  const days = FOLLOW_UP_STAGES[stage];
  const due = await areaActivities<MatchmakingAreaFields>(
    'matchmaking',
    {
      status: _.in(['open', 'closed']),
      endAt: _.lte(new Date(now.getTime() - days * DAY)),
      [`matchmaking.followUpDone.${stage}`]: _.exists(false),
    },
    { limit: 20 },
  );
  const field = `extra.followUpSentAt.${stage}`;
  let sent = 0;
  for (const a of due) {
    const participants = await allEnrollments({
      activityId: a._id,
      status: 'approved',
      checkedInAt: _.exists(true),
      'extra.followUp': true,
      [field]: _.exists(false),
    });
    for (const e of participants) {
      // The guard first: whoever sets it sends; a second run (or a crash after this point) sends nothing again.
      if ((await updateEnrollment(e._id, { [field]: now }, { [field]: _.exists(false) })) !== 1) continue;
      await addTimelineEntry({
        openid: e.openid,
        area: 'matchmaking',
        refId: e._id,
        title: a.title,
        status: `follow_up_${stage}`,
        statusText: '活动回访',
        note: FOLLOW_UP_NOTE[stage],
        at: now,
        notify: true,
      });
      sent += 1;
    }
    await updateActivity(a._id, { [`matchmaking.followUpDone.${stage}`]: now });
  }
  return { events: due.length, sent };
}

export async function sendFollowUps(now: Date): Promise<Record<string, number>> {
  const d3 = await followUp('d3', now);
  const w3 = await followUp('w3', now);
  return { d3: d3.sent, w3: w3.sent, events: d3.events + w3.events };
}
