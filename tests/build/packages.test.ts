/**
 * The builds `npm test` made before jest: package sizes within WeChat's and our limits, what WeChat's
 * code-quality check asks of the mini-program build (compressed code, lazy code loading), and the
 * development identity switch absent from it.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../support/localCloud';

function report(args: string[]): string {
  return execFileSync(process.execPath, [path.join(ROOT, 'scripts/size-report.mjs'), ...args], { cwd: ROOT, encoding: 'utf8' });
}

function kb(text: string, label: RegExp): number {
  const match = new RegExp(`${label.source}\\s+([\\d.]+) KB`).exec(text);
  if (!match) throw new Error(`no figure for ${label} in:\n${text}`);
  return Number(match[1]);
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

describe('weapp build (dist/)', () => {
  test('the main package stays under 450 KB and every subpackage under 2 MB', () => {
    const text = report([]);
    expect(kb(text, /main package/)).toBeLessThan(450);
    for (const name of ['membership', 'card', 'staff', 'legal-aid'])
      expect(kb(text, new RegExp(`packages/${name}`))).toBeLessThan(2048);
  });

  test('app.json declares the four tabs and the area subpackages', () => {
    const app = JSON.parse(fs.readFileSync(path.join(ROOT, 'dist/app.json'), 'utf8')) as {
      tabBar: { list: Array<{ text: string }> };
      subPackages?: Array<{ root: string }>;
      subpackages?: Array<{ root: string }>;
    };
    expect(app.tabBar.list.map((t) => t.text)).toEqual(['首页', '优惠', '服务', '我的']);
    const roots = (app.subPackages ?? app.subpackages ?? []).map((p) => p.root.replace(/\/$/, ''));
    expect(roots).toEqual(expect.arrayContaining(['packages/membership', 'packages/card', 'packages/staff']));
  });

  test('app.json asks WeChat to inject only the components a page uses (lazyCodeLoading)', () => {
    const app = JSON.parse(fs.readFileSync(path.join(ROOT, 'dist/app.json'), 'utf8')) as { lazyCodeLoading?: string };
    expect(app.lazyCodeLoading).toBe('requiredComponents');
  });

  test('JS, WXSS and WXML are compressed (no indented lines, as minifiers leave none)', () => {
    const code = filesUnder(path.join(ROOT, 'dist')).filter((f) => /\.(js|wxss|wxml)$/.test(f));
    expect(code.length).toBeGreaterThan(0);
    const indented = code.filter((file) => /^[ \t]+\S/m.test(fs.readFileSync(file, 'utf8')));
    expect(indented.map((file) => path.relative(ROOT, file))).toEqual([]);
  });

  test('the development identity switch is not in the mini-program', () => {
    const hits = filesUnder(path.join(ROOT, 'dist')).filter((file) => {
      const text = fs.readFileSync(file, 'utf8');
      return text.includes('dev.openid') || text.includes('新用户（随机身份）');
    });
    expect(hits).toEqual([]);
  });
});

describe('H5 build (dist-h5/)', () => {
  test('the home screen loads under 220 KB of gzipped JavaScript', () => {
    expect(kb(report(['--h5']), /total/)).toBeLessThan(220);
  });

  test('the H5 build carries the identity switch for development', () => {
    const js = filesUnder(path.join(ROOT, 'dist-h5')).filter((f) => f.endsWith('.js'));
    expect(js.some((file) => fs.readFileSync(file, 'utf8').includes('dev.openid'))).toBe(true);
  });
});
