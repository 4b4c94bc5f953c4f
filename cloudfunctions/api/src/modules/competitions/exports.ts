/**
 * Excel exports of a competition (or one of its events): registrations — for the organiser's staff all of
 * them, for a unit's staff their own members — and results (organiser only). Written to cloud storage as a
 * 10-minute link (exceljs is loaded only here); audited as views of personal data.
 */
import type { ActionContext } from '../../action';
import { command, findMany } from '../../db';
import { fail } from '../../errors';
import { toIso } from '../../lib/time';
import { writeAudit } from '../../shared/audit';
import { coversOrg, orgScopes } from '../../shared/scope';
import { buildWorkbook, saveExport, type SheetSpec } from '../../shared/xlsx';
import { allEnrollments, STATUS_TEXT } from '../enrollment/engine';
import { COMPETITION_COLLECTIONS as C } from './collections';
import { eventsOf, loadCompetition } from './competitions';
import { eventFieldsOf, extraOf } from './hooks';
import {
  CERT_LEVELS,
  EVENT_FORMATS,
  EVENT_LEVELS,
  type CompetitionRecord,
  type EntryRecord,
  type ResultsRecord,
  type EventRecord,
} from './records';

const UNIT_TEXT = { waiting: '待单位推荐', confirmed: '单位已推荐', declined: '单位未推荐' } as const;

function cnTime(value: unknown): string {
  if (!value) return '';
  const t = new Date(new Date(toIso(value)).getTime() + 8 * 3600_000).toISOString();
  return `${t.slice(0, 10)} ${t.slice(11, 16)}`;
}

async function scopeOf(competitionId: string, eventId: string | undefined, ctx: ActionContext) {
  const c = await loadCompetition(competitionId);
  const events = (await eventsOf([c])).filter((e) => !eventId || e._id === eventId);
  if (eventId && !events.length) throw fail('NOT_FOUND', '该竞赛项目不存在');
  return { c, events, organiser: coversOrg(ctx, c.orgPath) };
}

async function save(c: CompetitionRecord, sheet: SheetSpec, what: string, rows: number, ctx: ActionContext) {
  const file = await saveExport(await buildWorkbook([sheet]), `competitions/${c._id}`, `${c.title}-${what}`);
  await writeAudit({
    actor: ctx.openid,
    action: what === '报名名单' ? 'competitions.exportRegistrations' : 'competitions.exportResults',
    target: c._id,
    summary: `${c.title} · ${what} · ${rows}条`,
    at: ctx.now,
    kind: 'pii_view',
    details: { rows },
  });
  return { url: file.url, expiresAt: file.expiresAt, rows, fileName: `${c.title}-${what}.xlsx` };
}

export async function exportRegistrations(competitionId: string, eventId: string | undefined, ctx: ActionContext) {
  const _ = command();
  const { c, events, organiser } = await scopeOf(competitionId, eventId, ctx);
  const where: Record<string, unknown> = { activityId: _.in(events.map((e) => e._id)) };
  if (!organiser) {
    const scopes = orgScopes(ctx) ?? [];
    if (!scopes.length) throw fail('FORBIDDEN', '该竞赛不属于您管辖的工会，无权导出');
    where.orgPath = _.in(scopes);
  }
  const rows = events.length ? await allEnrollments(where) : [];
  const teamIds = rows.filter((e) => extraOf(e)?.team).map((e) => e._id);
  const mates = teamIds.length
    ? await findMany<EntryRecord>(C.entries, { teamId: _.in(teamIds), role: 'member', status: 'active' }, { limit: 1000 })
    : [];
  const eventOf = new Map(events.map((e) => [e._id, e]));
  const order = new Map(c.eventIds.map((id, i) => [id, i]));
  rows.sort(
    (x, y) =>
      (order.get(x.activityId) ?? 0) - (order.get(y.activityId) ?? 0) || toIso(x.createdAt).localeCompare(toIso(y.createdAt)),
  );
  const sheet: SheetSpec = {
    name: '报名名单',
    columns: [
      ['no', '序号', 6],
      ['event', '项目', 18],
      ['level', '级别', 8],
      ['format', '形式', 8],
      ['name', '姓名（队长）', 10],
      ['cardNo', '会员卡号', 16],
      ['orgName', '所在工会', 28],
      ['status', '状态', 10],
      ['unit', '单位推荐', 10],
      ['years', '本工种年限', 10],
      ['cert', '职业技能等级', 12],
      ['team', '队伍', 16],
      ['mates', '队员', 24],
      ['createdAt', '报名时间', 18],
    ].map(([key, header, width]) => ({ key: key as string, header: header as string, width: width as number })),
    rows: rows.map((e, i) => {
      const a = eventOf.get(e.activityId) as EventRecord;
      const f = eventFieldsOf(a);
      const x = extraOf(e);
      return {
        no: i + 1,
        event: a.title,
        level: EVENT_LEVELS[f.level],
        format: EVENT_FORMATS[f.format],
        name: e.name,
        cardNo: e.cardNo,
        orgName: e.orgName,
        status: STATUS_TEXT[e.status],
        unit: e.unitStatus ? UNIT_TEXT[e.unitStatus] : '',
        years: x?.declaration?.tradeYears ?? '',
        cert: x?.declaration ? CERT_LEVELS[x.declaration.certLevel] : '',
        team: x?.team?.name ?? '',
        mates: mates
          .filter((m) => m.teamId === e._id && m.round === x?.team?.round)
          .map((m) => m.name)
          .join('、'),
        createdAt: cnTime(e.createdAt),
      };
    }),
  };
  return save(c, sheet, '报名名单', rows.length, ctx);
}

export async function exportResults(competitionId: string, eventId: string | undefined, ctx: ActionContext) {
  const { c, events, organiser } = await scopeOf(competitionId, eventId, ctx);
  if (!organiser) throw fail('FORBIDDEN', '只有主办工会可以导出成绩');
  const results = events.length
    ? await findMany<ResultsRecord>(C.results, { _id: command().in(events.map((e) => e._id)) }, { limit: events.length })
    : [];
  const published = results.filter((r) => r.status !== 'draft');
  const ordered = c.eventIds.map((id) => published.find((r) => r._id === id)).filter((r): r is ResultsRecord => !!r);
  const rows = ordered.flatMap((r) =>
    r.rows.map((row) => ({
      event: r.title,
      state: r.status === 'final' ? '已确定' : '公示中',
      rank: row.rank ?? '',
      name: row.name,
      team: row.teamName ?? '',
      orgName: row.orgName,
      theory: row.theory ?? '',
      practical: row.practical ?? '',
      total: row.absent ? '缺考' : (row.total ?? ''),
      prize: row.prize ?? '',
      honours: row.honours.join('、'),
    })),
  );
  const sheet: SheetSpec = {
    name: '竞赛成绩',
    columns: [
      ['event', '项目', 18],
      ['state', '状态', 8],
      ['rank', '名次', 6],
      ['name', '姓名', 18],
      ['team', '队伍', 14],
      ['orgName', '所在工会', 28],
      ['theory', '理论', 8],
      ['practical', '实操', 8],
      ['total', '总成绩', 8],
      ['prize', '奖项', 10],
      ['honours', '称号', 16],
    ].map(([key, header, width]) => ({ key: key as string, header: header as string, width: width as number })),
    rows,
  };
  return save(c, sheet, '竞赛成绩', rows.length, ctx);
}
