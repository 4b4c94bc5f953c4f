/**
 * Events (项目) of a competition: each an engine activity of area `competition` (capacity, window, per-unit
 * cap, review, 单位推荐, waitlist, export come from the engine) with the event's own fields under
 * `competition`. Staff of the competition's organiser create, edit, open and close them.
 */
import type { ActionContext } from '../../action';
import { command, findById, updateWhere } from '../../db';
import { fail } from '../../errors';
import { toIso } from '../../lib/time';
import { scoringNotYet } from '../../rules/competitions';
import { assertCoversOrg } from '../../shared/scope';
import { loadActivity, saveActivity, setActivityStatus, type EligibilityRule } from '../enrollment/engine';
import { COMPETITION_COLLECTIONS as C } from './collections';
import { competitionErrors } from './errors';
import { loadCompetition } from './competitions';
import { toEventDetail } from './eventViews';
import { eventFieldsOf } from './hooks';
import type { CompetitionRecord, EventAreaFields, EventFields, EventRecord, ResultsRecord } from './records';
import type { EventSaveInput } from './schemas';
import type { EventDetail } from './views';

const invalid = (field: string, message: string) => fail('INVALID_INPUT', message, { field });

/** An event (an activity of this area), or NOT_FOUND. */
export async function loadEvent(eventId: string): Promise<EventRecord> {
  const a = await loadActivity<EventAreaFields>(eventId);
  if (a.area !== 'competition') throw fail('NOT_FOUND', '该竞赛项目不存在');
  return a;
}

function rulesFor(c: CompetitionRecord, input: EventSaveInput): EligibilityRule[] {
  const rules: EligibilityRule[] = [{ kind: 'activeMember' }, { kind: 'orgScope', orgId: c.orgId, orgName: c.orgName }];
  if (input.ageMin !== undefined || input.ageMax !== undefined)
    rules.push({
      kind: 'ageRange',
      ...(input.ageMin !== undefined ? { min: input.ageMin } : {}),
      ...(input.ageMax !== undefined ? { max: input.ageMax } : {}),
    });
  return rules;
}

/** Changes refused once registration opened (format) or results were published (how they are computed). */
async function checkChange(existing: EventRecord, fields: EventFields): Promise<void> {
  const before = eventFieldsOf(existing);
  if (existing.status !== 'draft' && before.format !== fields.format) throw invalid('format', '报名开始后不能更改比赛形式');
  const same = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);
  if (same(before.weights, fields.weights) && same(before.prizes, fields.prizes) && same(before.honours, fields.honours)) return;
  if (await findById<ResultsRecord>(C.results, existing._id)) throw invalid('weights', '成绩已公示，不能再更改权重和奖项');
}

export async function saveEvent(input: EventSaveInput, ctx: ActionContext): Promise<EventDetail> {
  const c = await loadCompetition(input.competitionId);
  assertCoversOrg(ctx, c.orgPath);
  const {
    eventId,
    competitionId,
    trade,
    level,
    format,
    teamSize,
    minTradeYears,
    minCertLevel,
    certPhotoRequired,
    ageMin,
    ageMax,
    weights,
    prizes,
    honours,
    ...definition
  } = input;
  const fields: EventFields = {
    competitionId,
    competitionTitle: c.title,
    trade,
    level,
    format,
    ...(format === 'team' && teamSize ? { teamSize } : {}),
    minTradeYears,
    minCertLevel,
    certPhotoRequired,
    ...(ageMin !== undefined ? { ageMin } : {}),
    ...(ageMax !== undefined ? { ageMax } : {}),
    weights,
    prizes,
    honours,
  };
  if (eventId) {
    const existing = await loadEvent(eventId);
    if (eventFieldsOf(existing).competitionId !== c._id) throw fail('NOT_FOUND', '该竞赛项目不存在');
    await checkChange(existing, fields);
  }
  const saved = await saveActivity<EventAreaFields>(
    'competition',
    {
      ...definition,
      ...(eventId ? { activityId: eventId } : {}),
      orgId: c.orgId,
      allowNomination: false,
      rules: rulesFor(c, input),
      priorityGroups: [],
    },
    { ...fields },
    ctx,
  );
  if (!eventId) {
    await updateWhere(C.competitions, { _id: c._id }, { eventIds: command().push([saved._id]), updatedAt: ctx.now });
  }
  return toEventDetail(saved, ctx.now);
}

/** Opens or closes registration; the first event opened makes the competition visible to members. */
export async function setEventStatus(eventId: string, to: 'open' | 'closed', ctx: ActionContext): Promise<EventDetail> {
  const before = await loadEvent(eventId);
  const saved = await setActivityStatus<EventAreaFields>('competition', eventId, to, ctx);
  if (to === 'open') {
    const competitionId = eventFieldsOf(before).competitionId;
    await updateWhere(C.competitions, { _id: competitionId, publishedAt: command().exists(false) }, { publishedAt: ctx.now });
  }
  return toEventDetail(saved, ctx.now);
}

/** For staff actions on an event: the event, the caller covering its organiser (or FORBIDDEN). */
export async function loadManagedEvent(eventId: string, ctx: ActionContext): Promise<EventRecord> {
  const a = await loadEvent(eventId);
  assertCoversOrg(ctx, a.orgPath);
  return a;
}

/**
 * Scores, ranking, 公示 and awards only once the event has taken place (its start has come and sign-up is
 * closed): before that, EVENT_NOT_HELD in words, and nothing is stored.
 */
export function assertHeld(a: EventRecord, now: Date, what = '录入成绩'): void {
  const why = scoringNotYet({ startAt: toIso(a.startAt), signupEnd: toIso(a.signupEnd), status: a.status }, now, what);
  if (why) throw competitionErrors.fail('EVENT_NOT_HELD', why);
}
