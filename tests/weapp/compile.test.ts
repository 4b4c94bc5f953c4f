/**
 * dist/ compiled by WeChat's own tooling (see compile.ts): wcc (WXML), wcsc (WXSS) and miniprogram-ci's
 * local compile with ES6 → ES5, minify and WXSS autoprefix on, as an upload would.
 */
import path from 'node:path';
import { ROOT } from '../support/localCloud';
import { compileWithCi, packageSizes, type CiOutcome } from './compile';
import { runWcc, runWcsc } from './wechatTools';

const DIST = path.join(ROOT, 'dist');

describe('dist/ compiled by WeChat tooling', () => {
  test('wcc compiles every WXML template', () => {
    const wcc = runWcc(DIST);
    expect(wcc.ok ? [] : [wcc.message]).toEqual([]);
    expect(wcc.output).toContain('$gwx');
  });

  test('wcsc compiles every WXSS stylesheet', () => {
    const wcsc = runWcsc(DIST);
    expect(wcsc.ok ? [] : [wcsc.message]).toEqual([]);
  });

  describe('miniprogram-ci local compile (ES6 → ES5, minified, autoprefixed; offline, dummy appid)', () => {
    let outcome: CiOutcome;
    beforeAll(async () => {
      outcome = await compileWithCi({ distDir: DIST, projectConfig: path.join(ROOT, 'project.config.json') });
    }, 240_000);

    test('compiles app.json, page JSON, WXML, WXSS and JS without an error', () => {
      expect(outcome.ok ? [] : [`${outcome.file ?? ''} ${outcome.message}`]).toEqual([]);
    });

    test('the compiled main package stays under 450 KB (WeChat allows 2 MB)', () => {
      if (!outcome.ok) throw new Error('not compiled');
      expect(packageSizes(DIST, outcome.bytes).main / 1024).toBeLessThan(450);
    });
  });
});
