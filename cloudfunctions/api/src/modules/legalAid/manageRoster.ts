import type { ActionContext } from '../../action';
import { findById, setById } from '../../db';
import { toIsoOptional } from '../../lib/time';
import { addDays, HOLIDAYS, ROSTER_WEEKS } from '../../rules/legalAid';
import { chinaDate } from '../../rules/time';
import { writeAudit } from '../../shared/audit';
import { assertRosterManager, loadStation } from './access';
import { LEGAL_AID_COLLECTIONS as C } from './collections';
import type { RosterRecord, StationRecord } from './records';
import type { LegalAidSaveRosterInput } from './schemas';
import { syncStationSlots } from './syncSlots';
import type { RosterSyncResult, RosterView } from './views';

function toRosterView(station: StationRecord, roster: RosterRecord | null, now: Date): RosterView {
  const today = chinaDate(now);
  const last = addDays(today, ROSTER_WEEKS * 7 - 1);
  const holidays = Object.entries(HOLIDAYS)
    .filter(([date]) => date >= today && date <= last)
    .map(([date, name]) => ({ date, name }));
  const updatedAt = toIsoOptional(roster?.updatedAt);
  return {
    stationId: station._id,
    stationName: station.name,
    patterns: roster?.patterns ?? [],
    exceptions: roster?.exceptions ?? [],
    holidays,
    weeks: ROSTER_WEEKS,
    ...(updatedAt ? { updatedAt } : {}),
  };
}

export async function getRoster(stationId: string, ctx: ActionContext): Promise<RosterView> {
  const station = await loadStation(stationId);
  assertRosterManager(ctx, station);
  return toRosterView(station, await findById<RosterRecord>(C.rosters, stationId), ctx.now);
}

/** Saves the weekly roster and brings the next weeks' slots in line with it (see syncStationSlots). */
export async function saveRoster(
  input: LegalAidSaveRosterInput,
  ctx: ActionContext,
): Promise<{ roster: RosterView; sync: RosterSyncResult }> {
  const station = await loadStation(input.stationId);
  assertRosterManager(ctx, station);
  const today = chinaDate(ctx.now);
  const roster: RosterRecord = {
    _id: station._id,
    stationId: station._id,
    patterns: [...input.patterns].sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start)),
    exceptions: [...new Set(input.exceptions.filter((d) => d >= today))].sort(),
    updatedAt: ctx.now,
    updatedBy: ctx.openid,
  };
  const { _id, ...fields } = roster;
  await setById(C.rosters, _id, fields);
  const sync = await syncStationSlots(station, roster, ctx.now);
  await writeAudit({
    actor: ctx.openid,
    action: 'legalAid.saveRoster',
    target: station._id,
    summary: `${station.name} · 每周${roster.patterns.length}个时段，暂停接待${roster.exceptions.length}天`,
    at: ctx.now,
    details: { stationId: station._id, created: sync.created, cancelled: sync.cancelled },
  });
  return { roster: toRosterView(station, { ...roster, syncedOn: today }, ctx.now), sync };
}
