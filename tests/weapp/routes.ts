/**
 * Per-route extras for rendering the mini-program's pages (tests/weapp/pages.test.ts). Every page of
 * dist/app.json is rendered as a guest and as a member without any entry here; add one line when a
 * page needs a query parameter or is meant for staff:
 *   query — the page's URL query, looked up in the seeded demo data (e.g. an application id);
 *   alsoAs — further users to render the page as (staff pages: the staffer or administrator).
 */
import { callOk } from '../support/api';

/** An openid with no account in the demo data. */
export const GUEST = 'weapp-check-guest';
/** 陈晓燕, an approved member with a card (scripts/seed-demo.ts). */
export const MEMBER = 'demo-member-01';
export const STAFF = 'demo-staff-city';
export const ADMIN = 'demo-admin';
/** The unit's union staffer of the 技能竞赛 demo (单位推荐). */
export const UNIT_STAFF = 'demo-staff-huatang';
/** 武进区职工法律援助站's duty lawyer (cloudfunctions/api/fixtures/legalAid/demo.ts). */
export const LAWYER = 'demo-lawyer-wujin';

/** Users every page is rendered as. */
export const EVERYONE = [GUEST, MEMBER];

export interface RouteCase {
  query?: (baseUrl: string) => Promise<Record<string, string>>;
  alsoAs?: string[];
}

/** The courier's pending application, as the city staffer sees it in the review list. */
async function pendingApplication(baseUrl: string): Promise<Record<string, string>> {
  const list = await callOk(baseUrl, STAFF, 'membership.list', { status: 'pending', page: 1 });
  const first = list.items[0];
  if (!first) throw new Error('the demo data has no pending application to open');
  return { id: first._id };
}

/** 陈晓燕's upcoming legal-aid booking at 武进 in the demo data. */
async function legalAidBooking(baseUrl: string): Promise<Record<string, string>> {
  const mine = await callOk(baseUrl, MEMBER, 'legalAid.mine', {});
  const open = mine.items.find((b) => b.status === 'confirmed');
  if (!open) throw new Error('the demo data has no upcoming legal-aid booking');
  return { id: open._id };
}
const wujin = async () => ({ stationId: 'st-cz-wujin' });
/** This school year's 金秋助学 window of 武进区总工会 (cloudfunctions/api/fixtures/studentAid/demo.ts). */
const studentAidWindow = async () => ({
  windowId: `SA${new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4)}-org-cz-wujin`,
});

/** 武进区职工心理咨询室's counsellor (cloudfunctions/api/fixtures/counselling/demo.ts). */
export const COUNSELLOR = 'demo-counsellor-wujin';
const wujinRoom = async () => ({ roomId: 'cr-cz-wujin' });
/** 陈晓燕's upcoming counselling session (under the pseudonym 晴天) in the demo data. */
async function counsellingSession(baseUrl: string): Promise<Record<string, string>> {
  const mine = await callOk(baseUrl, MEMBER, 'counselling.mine', {});
  const open = mine.items.find((s) => s.status === 'confirmed');
  if (!open) throw new Error('the demo data has no upcoming counselling session');
  return { id: open._id };
}

/** The newest 工会动态 notice of the demo data. */
async function latestNotice(baseUrl: string): Promise<Record<string, string>> {
  const list = await callOk(baseUrl, GUEST, 'notices.list', { page: 1 });
  const first = list.items[0];
  if (!first) throw new Error('the demo data has no notice to open');
  return { id: first._id };
}

/** A fellow participant of the demo's autumn event, as 陈晓燕 sees them. */
async function autumnParticipant(baseUrl: string): Promise<Record<string, string>> {
  const list = await callOk(baseUrl, MEMBER, 'matchmaking.participants', { activityId: 'mm-demo-autumn' });
  const first = list.items[0];
  if (!first) throw new Error('the demo data has no participant 陈晓燕 can see');
  return { id: 'mm-demo-autumn', pid: first.participantId };
}

export const ROUTE_CASES: Record<string, RouteCase> = {
  'packages/notices/detail/index': { query: latestNotice },
  'packages/notices/edit/index': { query: latestNotice, alsoAs: [STAFF] },
  'packages/notices/manage/index': { alsoAs: [STAFF] },
  'packages/staff/reviews/index': { alsoAs: [STAFF] },
  'packages/staff/review-detail/index': { query: pendingApplication, alsoAs: [STAFF] },
  'packages/staff/transfers/index': { alsoAs: [STAFF] },
  'packages/staff/roles/index': { alsoAs: [ADMIN] },
  'packages/staff/audit/index': { alsoAs: [ADMIN] },
  'packages/hardship/staff/index': { alsoAs: [STAFF] },
  'packages/hardship/case/index': { query: async () => ({ id: 'H-demo-02' }), alsoAs: [STAFF] },
  'packages/student-aid/apply/index': { query: studentAidWindow },
  'packages/student-aid/grants/index': { query: studentAidWindow },
  'packages/student-aid/staff/index': { alsoAs: [STAFF] },
  'packages/student-aid/case/index': { query: async () => ({ id: 'SA-demo-02' }), alsoAs: [STAFF] },
  'packages/hardship/publicity/index': { query: async () => ({ id: 'HP-demo-01' }), alsoAs: [STAFF] },
  'packages/mutual-aid/claim/index': { query: async () => ({ planId: 'mp-wujin-demo' }) },
  'packages/mutual-aid/staff/index': { alsoAs: [STAFF] },
  'packages/mutual-aid/review/index': {
    query: async () => ({ id: 'mp-wujin-demo_demo-hardship-02_demo-claim-02' }),
    alsoAs: [STAFF],
  },
  'packages/mutual-aid/enrol/index': { query: async () => ({ planId: 'mp-wujin-demo' }), alsoAs: [UNIT_STAFF] },
  'packages/mutual-aid/plan/index': { alsoAs: [STAFF] },
  'packages/voice/staff/index': { alsoAs: [STAFF] },
  'packages/voice/detail/index': { query: async () => ({ id: 'V-demo-01' }), alsoAs: [STAFF] },
  'packages/voice/report/index': { query: async () => ({ kind: 'hazard' }) },
  'packages/campaigns/staff/index': { alsoAs: [STAFF] },
  'packages/campaigns/new/index': { alsoAs: [STAFF] },
  'packages/campaigns/detail/index': { query: async () => ({ id: 'C-demo-winter' }), alsoAs: [STAFF] },
  'packages/campaigns/handout/index': { query: async () => ({ id: 'C-demo-winter' }), alsoAs: [STAFF] },
  'packages/counselling/book/index': { query: wujinRoom },
  'packages/counselling/detail/index': { query: counsellingSession },
  'packages/counselling/desk/index': { query: wujinRoom, alsoAs: [COUNSELLOR] },
  'packages/counselling/session/index': { query: counsellingSession, alsoAs: [COUNSELLOR] },
  'packages/counselling/room-edit/index': { query: wujinRoom, alsoAs: [STAFF, ADMIN] },
  'packages/counselling/stats/index': { alsoAs: [STAFF] },
  'packages/legal-aid/book/index': { query: wujin },
  // 线上法律咨询: demo ids (cloudfunctions/api/fixtures/legalQa/demo.ts): 陈晓燕's answered question and 欠薪求助.
  'packages/legal-qa/thread/index': { query: async () => ({ id: 'QA-demo-01' }), alsoAs: [LAWYER] },
  'packages/legal-qa/wage/index': { query: async () => ({ id: 'W-demo-01' }), alsoAs: [STAFF] },
  'packages/legal-qa/desk/index': { alsoAs: [LAWYER] },
  'packages/legal-qa/staff/index': { alsoAs: [STAFF] },
  'packages/legal-aid/detail/index': { query: legalAidBooking },
  'packages/legal-aid/desk/index': { alsoAs: [LAWYER] },
  'packages/legal-aid/case/index': { query: legalAidBooking, alsoAs: [LAWYER] },
  'packages/legal-aid/slots/index': { query: wujin, alsoAs: [STAFF, LAWYER] },
  'packages/legal-aid/roster/index': { query: wujin, alsoAs: [STAFF] },
  'packages/legal-aid/station-edit/index': { query: wujin, alsoAs: [STAFF, ADMIN] },
  // 疗休养: demo trips have fixed ids (cloudfunctions/api/fixtures/recuperation/demoPlan.ts).
  'packages/recuperation/detail/index': { query: async () => ({ id: 'rec-demo-frontline-maoshan-1' }), alsoAs: [STAFF] },
  'packages/recuperation/signup/index': { query: async () => ({ id: 'rec-demo-frontline-maoshan-1' }) },
  'packages/recuperation/publicity/index': { query: async () => ({ id: 'rec-demo-huangshan' }) },
  'packages/recuperation/draw/index': { query: async () => ({ id: 'rec-demo-yrd-hangzhou' }) },
  'packages/recuperation/staff/trips/index': { alsoAs: [STAFF] },
  'packages/recuperation/staff/edit/index': { alsoAs: [STAFF] },
  // 优惠: the demo bookshop merchant-01 (cloudfunctions/api/fixtures/merchants/demo.ts) and its staff.
  'packages/merchants/detail/index': { query: async () => ({ id: 'merchant-01', lat: '31.78', lng: '119.95' }) },
  'packages/merchants/map/index': { query: async () => ({ lat: '31.7786', lng: '119.9512' }) },
  'packages/merchants/counter/index': { alsoAs: ['demo-merchant-01'] },
  'packages/merchants/admin/index': { alsoAs: [STAFF] },
  'packages/merchants/edit/index': { query: async () => ({ id: 'merchant-01' }), alsoAs: [STAFF] },
  'packages/merchants/import/index': { alsoAs: [STAFF] },
  'packages/recuperation/staff/roster/index': { query: async () => ({ id: 'rec-demo-frontline-maoshan-1' }), alsoAs: [STAFF] },
  // 技能竞赛: the demo competition and its events have fixed ids (cloudfunctions/api/fixtures/competitions/demoPlan.ts).
  'packages/competitions/detail/index': { query: async () => ({ id: 'cmp-demo-cz16' }), alsoAs: [STAFF] },
  'packages/competitions/event/index': { query: async () => ({ id: 'cmp-demo-electrician' }), alsoAs: [STAFF] },
  'packages/competitions/register/index': { query: async () => ({ id: 'cmp-demo-cnc' }) },
  'packages/competitions/results/index': { query: async () => ({ id: 'cmp-demo-farm' }) },
  'packages/competitions/staff/list/index': { alsoAs: [STAFF] },
  'packages/competitions/staff/edit/index': { query: async () => ({ id: 'cmp-demo-cz16' }), alsoAs: [STAFF] },
  'packages/competitions/staff/event-edit/index': { query: async () => ({ id: 'cmp-demo-cnc' }), alsoAs: [STAFF] },
  'packages/competitions/staff/event/index': { query: async () => ({ id: 'cmp-demo-cnc' }), alsoAs: [STAFF, UNIT_STAFF] },
  'packages/competitions/staff/scores/index': { query: async () => ({ id: 'cmp-demo-farm' }), alsoAs: [STAFF] },
  'packages/competitions/staff/unit/index': { alsoAs: [UNIT_STAFF] },
  // 单身联谊: demo events have fixed ids (cloudfunctions/api/fixtures/matchmaking/demoPlan.ts); 陈晓燕 took part in the autumn one.
  'packages/matchmaking/detail/index': { query: async () => ({ id: 'mm-demo-autumn' }), alsoAs: [STAFF] },
  'packages/matchmaking/participants/index': { query: async () => ({ id: 'mm-demo-autumn' }) },
  'packages/matchmaking/person/index': { query: autumnParticipant },
  'packages/matchmaking/staff/events/index': { alsoAs: [STAFF] },
  'packages/matchmaking/staff/edit/index': { alsoAs: [STAFF] },
  'packages/matchmaking/staff/roster/index': { query: async () => ({ id: 'mm-demo-autumn' }), alsoAs: [STAFF] },
  'packages/matchmaking/staff/confirmations/index': { alsoAs: ['demo-staff-wujin'] },
};

export interface PlannedVisit {
  openid: string;
  route: string;
  query: Record<string, string>;
}

/** Every (user, page) pair to render, with queries resolved against the running local cloud. */
export async function planVisits(routes: string[], baseUrl: string, cases = ROUTE_CASES): Promise<PlannedVisit[]> {
  const planned: PlannedVisit[] = [];
  for (const route of routes) {
    const extra = cases[route] ?? {};
    const query = extra.query ? await extra.query(baseUrl) : {};
    for (const openid of [...EVERYONE, ...(extra.alsoAs ?? [])]) planned.push({ openid, route, query });
  }
  return planned;
}
