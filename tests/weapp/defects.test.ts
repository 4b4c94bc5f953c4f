/**
 * The weapp checks fail, naming the problem, on a broken build: each defect is put into a copy of
 * dist/ (defects.ts) and the same checks as compile.test.ts and pages.test.ts run on the copy.
 */
import fs from 'node:fs';
import path from 'node:path';
import { apiBundleExists, startSeededCloud } from '../support/api';
import { ROOT, type LocalCloud } from '../support/localCloud';
import { compileApp } from './compile';
import {
  breakWxml,
  breakWxss,
  copyBuild,
  firstRequiredChunk,
  relinkRoute,
  removeFile,
  RENDER_DEFECT,
  throwOnRender,
} from './defects';
import { MEMBER } from './routes';
import { describeProblems, simulateApp } from './simulate';

const DIST = path.join(ROOT, 'dist');
// Each defect is in markup, app.json or a missing file: miniprogram-ci checks these without its ES5 and
// minify passes over the JS, which take most of a full compile (compile.test.ts runs the full one).
const copies: string[] = [];
let cloud: LocalCloud | undefined;

function brokenCopy(): string {
  const dir = copyBuild(DIST);
  copies.push(dir);
  return dir;
}

async function renderAsMember(dir: string, route: string): Promise<string> {
  if (!cloud) {
    if (!apiBundleExists()) throw new Error('run `npm run build:functions` first (npm test does)');
    cloud = (await startSeededCloud()).cloud;
  }
  const result = await simulateApp({ distDir: dir, baseUrl: cloud.baseUrl, routes: [route], users: [MEMBER] });
  return describeProblems(result).join('\n');
}

afterAll(async () => {
  await cloud?.stop();
  for (const dir of copies) fs.rmSync(dir, { recursive: true, force: true });
});

test('(a) a WXML error: wcc and miniprogram-ci name the template and the line', async () => {
  const dir = brokenCopy();
  breakWxml(dir, 'pages/me/index.wxml');
  const problems = (await compileApp(dir, undefined, false)).problems.join('\n');
  expect(problems).toMatch(/wcc \(WXML\): pages\/me\/index\.wxml:\d+:\d+: /);
  expect(problems).toMatch(/miniprogram-ci: pages\/me\/index\.wxml: /);
}, 240_000);

test('(b) a WXSS error: wcsc and miniprogram-ci name the stylesheet and the line', async () => {
  const dir = brokenCopy();
  breakWxss(dir, 'packages/card/index.wxss');
  const problems = (await compileApp(dir, undefined, false)).problems.join('\n');
  expect(problems).toMatch(/wcsc \(WXSS\): packages\/card\/index\.wxss\(\d+:\d+\): /);
  expect(problems).toMatch(/miniprogram-ci: packages\/card\/index\.wxss: .*Unclosed block/);
}, 240_000);

test('(c) a page that throws when rendered: the page, the error and where it was thrown', async () => {
  const dir = brokenCopy();
  throwOnRender(dir, 'pages/discounts/index');
  const problems = await renderAsMember(dir, 'pages/discounts/index');
  expect(problems).toContain(
    `pages/discounts/index as ${MEMBER}: console.error: Error: ${RENDER_DEFECT} (at pages/discounts/index.js:`,
  );
  expect(problems).toContain(`pages/discounts/index as ${MEMBER}: rendered no text`);
}, 120_000);

test('(d) a missing subpackage page file: miniprogram-ci and the page render name it', async () => {
  const dir = brokenCopy();
  removeFile(dir, 'packages/staff/roles/index.js');
  const compiled = (await compileApp(dir, undefined, false)).problems.join('\n');
  expect(compiled).toContain('could not find the corresponding file: "packages/staff/roles/index.js"');
  const rendered = await renderAsMember(dir, 'packages/staff/roles/index');
  expect(rendered).toContain(
    `packages/staff/roles/index as ${MEMBER}: threw Error: module 'packages/staff/roles/index.js' is not defined`,
  );
}, 240_000);

test('(d) a missing shared chunk of a subpackage: the page render names the file and who requires it', async () => {
  const dir = brokenCopy();
  const chunk = firstRequiredChunk(dir, 'packages/staff/roles/index');
  removeFile(dir, chunk);
  const problems = await renderAsMember(dir, 'packages/staff/roles/index');
  expect(problems).toContain(`threw Error: module '${chunk}' is not defined`);
  expect(problems).toContain('(at packages/staff/roles/index.js:');
}, 120_000);

test('a link to a route missing from app.json: the tap and the refused navigation are named', async () => {
  const dir = brokenCopy();
  // The app builds routes from the feature list (root + page): move the card's root in the code only, not in app.json.
  expect(relinkRoute(dir, '"packages/card"', '"packages/gone"')).not.toEqual([]);
  const problems = await renderAsMember(dir, 'pages/index/index');
  expect(problems).toMatch(
    /pages\/index\/index as demo-member-01: navigateTo\(\{ url: '\/packages\/gone\/index' \}\) after tapping ".+" was refused: navigateTo:fail page "packages\/gone\/index" is not found/,
  );
}, 120_000);

test("a tab bar icon missing from the package: the tab page's visit names the tab and the file", async () => {
  const dir = brokenCopy();
  removeFile(dir, 'assets/tabbar/discounts.png');
  const problems = await renderAsMember(dir, 'pages/index/index');
  expect(problems).toContain(
    `pages/index/index as ${MEMBER}: its tab bar's icon of "优惠" is not a file of the package: "/assets/tabbar/discounts.png"`,
  );
}, 120_000);
