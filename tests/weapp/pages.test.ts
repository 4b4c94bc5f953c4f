/**
 * Every page of dist/app.json (main package and subpackages) rendered in WeChat's component runtime
 * (see simulate.ts), with real data from a local cloud seeded with the demo data: as a guest, as a
 * member, and as staff where routes.ts says so. A page fails on a thrown error, a console error, an
 * empty page, a placeholder shown, a failed cloud call, or a navigation WeChat would refuse.
 */
import path from 'node:path';
import { apiBundleExists, startSeededCloud } from '../support/api';
import { ROOT, type LocalCloud } from '../support/localCloud';
import { readAppRoutes } from './appJson';
import { EVERYONE, GUEST, MEMBER, STAFF } from './routes';
import { simulateApp, type PageVisit, type SimulationResult } from './simulate';

const DIST = path.join(ROOT, 'dist');
const routes = readAppRoutes(DIST).all;

let cloud: LocalCloud | undefined;
let result: SimulationResult;

beforeAll(async () => {
  if (!apiBundleExists()) throw new Error('run `npm run build:functions` first (npm test does)');
  cloud = (await startSeededCloud()).cloud;
  result = await simulateApp({ distDir: DIST, baseUrl: cloud.baseUrl });
}, 300_000);

afterAll(async () => {
  await cloud?.stop();
});

const visitsOf = (route: string): PageVisit[] => result.visits.filter((v) => v.route === route);
const problemsOf = (visits: PageVisit[]) => visits.flatMap((v) => v.problems.map((p) => `as ${v.openid}: ${p}`));

test('the app launches for every user', () => {
  expect(result.sessions.flatMap((s) => s.launchProblems.map((p) => `as ${s.openid}: ${p}`))).toEqual([]);
});

test.each(routes)('%s renders with its data, without errors', (route) => {
  const visits = visitsOf(route);
  expect(visits.map((v) => v.openid)).toEqual(expect.arrayContaining(EVERYONE));
  expect(problemsOf(visits)).toEqual([]);
});

test('pages get real data from the cloud function, as the user they are opened by', () => {
  const memberCalls = result.visits.filter((v) => v.openid === MEMBER).flatMap((v) => v.calls);
  expect(memberCalls.some((c) => !c.code && !c.failure)).toBe(true);
  // The courier's application in the demo data, opened from the review list by the city staffer.
  const detail = result.visits.find((v) => v.route === 'packages/staff/review-detail/index' && v.openid === STAFF);
  expect(detail?.text).toContain('王建军');
  const guestDetail = result.visits.find((v) => v.route === 'packages/staff/review-detail/index' && v.openid === GUEST);
  expect(guestDetail?.calls.map((c) => c.code)).toContain('FORBIDDEN');
});

test('links are followed: taps lead to routes of app.json', () => {
  expect(result.visits.reduce((n, v) => n + v.taps, 0)).toBeGreaterThan(0);
  expect(result.visits.flatMap((v) => v.navigations).length).toBeGreaterThan(0);
});
