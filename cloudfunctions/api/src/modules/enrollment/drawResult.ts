/**
 * The published draw (public, names masked): the seed, the rule in words, and every entry in draw order
 * with its ticket and priority rank — enough for anyone to re-run drawOrder(seed, entries) and compare.
 */
import { command, findById, findMany } from '../../db';
import { fail } from '../../errors';
import { maskName } from '../../lib/mask';
import { toIso } from '../../lib/time';
import { loadActivity } from './activities';
import { ENROLLMENT_COLLECTIONS as C } from './collections';
import type { DrawRecord, EnrollmentRecord } from './records';
import { audienceOf, hasPrivateList, memberTagLabels } from './areaHooks';
import type { DrawEntryView, DrawResultView } from './views';

const PAGE = 50;
export const DRAW_METHOD =
  '按优先人群顺位（rank 从 0 起，数字小者优先）排序；同一顺位内按 HMAC-SHA256（密钥为公布的种子文本，消息为抽签号文本）的十六进制结果升序排列。按此顺序依次分配名额（受各分组名额限制），其余按同一顺序候补。';

const RESULT: Record<string, DrawEntryView['result']> = { W: 'won', L: 'waitlisted', S: 'withdrawn' };

export async function getDrawResult(activityId: string, page = 1): Promise<DrawResultView> {
  const activity = await loadActivity(activityId);
  if (activity.status === 'draft') throw fail('NOT_FOUND', '该活动不存在或尚未发布');
  if (hasPrivateList(activity.area)) throw fail('NOT_FOUND', '本活动的参加名单不公开');
  const draw = await findById<DrawRecord>(C.draws, activityId);
  if (!draw) throw fail('NOT_FOUND', '本活动尚未抽签');
  const from = (page - 1) * PAGE;
  const slice = draw.order.slice(from, from + PAGE);
  const rows = slice.length
    ? await findMany<EnrollmentRecord>(
        C.enrollments,
        { _id: command().in(slice.map((s) => s.enrollmentId)) },
        { limit: slice.length },
      )
    : [];
  const byId = new Map(rows.map((r) => [r._id, r]));
  let waitlistedBefore = 0;
  for (const r of draw.results.slice(0, from)) if (r === 'L') waitlistedBefore += 1;
  const items = slice.map((entry, i): DrawEntryView => {
    const e = byId.get(entry.enrollmentId);
    const result = RESULT[draw.results[from + i] ?? ''] ?? 'pending';
    if (result === 'waitlisted') waitlistedBefore += 1;
    return {
      ticket: entry.ticket,
      rank: entry.rank,
      nameMasked: e ? maskName(e.name) : '*',
      orgName: e?.orgName ?? '',
      result,
      ...(result === 'waitlisted' ? { position: waitlistedBefore } : {}),
    };
  });
  const labels = { ...memberTagLabels(), ...audienceOf(activity.area).groups };
  return {
    activityId,
    seed: draw.seed,
    method: DRAW_METHOD,
    status: draw.status,
    startedAt: toIso(draw.startedAt),
    ...(draw.finishedAt ? { finishedAt: toIso(draw.finishedAt) } : {}),
    winners: draw.winners,
    priorityLabels: activity.priorityGroups.map((g) => labels[g] ?? g),
    items,
    total: draw.order.length,
  };
}
