/**
 * The mini-program checked as WeChat would check it, on its own (the same checks run in `npm test`,
 * tests/weapp): compiled by wcc, wcsc and miniprogram-ci, then every page rendered in WeChat's
 * component runtime against a local cloud seeded with the demo data.
 *
 *   npm run check:weapp                     dist/ (after npm run build:functions && npm run build:weapp)
 *   npm run check:weapp -- --dist DIR       another build folder (e.g. a copy with a defect)
 *   options: --no-compile, --no-pages, --no-tap
 * Exits 1 when a check finds a problem, and prints each one with the file or page it concerns.
 */
import '../../tests/support/env';
import path from 'node:path';
import { apiBundleExists, startSeededCloud } from '../../tests/support/api';
import { ROOT } from '../../tests/support/localCloud';
import { compileApp } from '../../tests/weapp/compile';
import { describeProblems, simulateApp } from '../../tests/weapp/simulate';

const args = process.argv.slice(2);
const distArg = args.indexOf('--dist');
const distDir = path.resolve(distArg >= 0 ? args[distArg + 1] : path.join(ROOT, 'dist'));
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** wcc, wcsc and miniprogram-ci; the lines to print and the problems found. */
async function compileStep(): Promise<{ lines: string[]; problems: string[] }> {
  const report = await compileApp(distDir);
  const sizes = report.packages
    ? ` — compiled sizes: ${Object.entries(report.packages)
        .map(([name, bytes]) => `${name} ${kb(bytes)}`)
        .join(', ')}`
    : '';
  return {
    lines: [`compile: wcc ${report.ms.wcc} ms, wcsc ${report.ms.wcsc} ms, miniprogram-ci ${seconds(report.ms.ci)}${sizes}`],
    problems: report.problems,
  };
}

/** Every page of app.json rendered against a freshly seeded local cloud. */
async function pagesStep(): Promise<{ lines: string[]; problems: string[] }> {
  if (!apiBundleExists()) throw new Error('cloudfunctions/api/index.js is missing: run `npm run build:functions` first');
  const { cloud } = await startSeededCloud();
  try {
    const result = await simulateApp({ distDir, baseUrl: cloud.baseUrl, tap: !args.includes('--no-tap') });
    const lines = [`pages: ${result.visits.length} visits in ${seconds(result.ms)}`];
    for (const v of result.visits) {
      const mark = v.problems.length ? '✗' : '✓';
      lines.push(
        `  ${mark} ${v.route.padEnd(38)} as ${v.openid.padEnd(18)} ${String(v.ms).padStart(5)} ms  ${plural(v.calls.length, 'call')}, ${plural(v.taps, 'tap')}`,
      );
    }
    return { lines, problems: describeProblems(result) };
  } finally {
    await cloud.stop();
  }
}

async function main(): Promise<number> {
  console.log(`weapp check of ${path.relative(process.cwd(), distDir) || '.'}`);
  // miniprogram-ci mostly waits on its own compiler process: the pages render meanwhile.
  const steps = await Promise.all([
    args.includes('--no-compile') ? undefined : compileStep(),
    args.includes('--no-pages') ? undefined : pagesStep(),
  ]);
  const problems: string[] = [];
  for (const step of steps) {
    if (!step) continue;
    console.log(step.lines.join('\n'));
    problems.push(...step.problems);
  }
  if (problems.length) {
    console.log(`\n${plural(problems.length, 'problem')}:`);
    for (const problem of problems) console.log(`  - ${problem.replace(/\n/g, '\n    ')}`);
    return 1;
  }
  console.log('\nno problems');
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
