/**
 * WeChat's own WXML and WXSS compilers (`wcc`, `wcsc`), as shipped in the `miniprogram-compiler` package.
 * The package stores them without the executable bit and chmods them in place on first use; we leave the
 * installed package untouched (node_modules may be shared or read-only) and run a private copy instead.
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const PLATFORM_DIR: Record<string, string> = { linux: 'linux', darwin: 'mac', win32: 'windows' };

function shippedBinary(name: 'wcc' | 'wcsc'): string {
  const pkg = path.dirname(require.resolve('miniprogram-compiler/package.json'));
  const dir = PLATFORM_DIR[process.platform];
  if (!dir) throw new Error(`miniprogram-compiler ships no ${name} for ${process.platform}`);
  return path.join(pkg, 'bin', dir, process.platform === 'win32' ? `${name}.exe` : name);
}

/** An executable copy of `wcc` / `wcsc` in the temp folder, keyed by the binary's content. */
export function wechatCompiler(name: 'wcc' | 'wcsc'): string {
  const source = shippedBinary(name);
  const bytes = fs.readFileSync(source);
  const digest = crypto.createHash('sha256').update(bytes).digest('hex').slice(0, 12);
  const target = path.join(os.tmpdir(), `weapp-check-${name}-${digest}${path.extname(source)}`);
  if (!fs.existsSync(target)) {
    const partial = `${target}.${process.pid}`;
    fs.writeFileSync(partial, bytes, { mode: 0o755 });
    fs.renameSync(partial, target);
  }
  return target;
}

export function filesUnder(root: string, ext: string, dir = ''): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : filesUnder(root, ext, rel);
    return rel.endsWith(ext) ? [rel] : [];
  });
}

function readJson(file: string): Record<string, unknown> | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    return null;
  }
}

export interface ToolRun {
  ok: boolean;
  /** What the compiler printed on failure (it names the file, line and column). */
  message: string;
  /** stdout on success: the compiled JavaScript (wcc) or style table (wcsc). */
  output: string;
}

/**
 * `wcc`: compiles every WXML (and WXS) file of a mini-program folder into one `$gwx` function, the way
 * WeChat DevTools does; the `-cc` argument lists each template's custom components (from its JSON).
 */
export function runWcc(root: string): ToolRun {
  const wxml = filesUnder(root, '.wxml').sort();
  const wxs = filesUnder(root, '.wxs').sort();
  const components: string[] = [];
  let count = 0;
  for (const file of wxml) {
    const json = readJson(path.join(root, file.replace(/\.wxml$/, '.json')));
    const using = json?.usingComponents as Record<string, string> | undefined;
    if (!using) continue;
    count += 1;
    components.push(file, String(Object.keys(using).length), ...Object.keys(using));
  }
  const args = ['-d', '-cc', [count, ...components].join(' '), ...wxml, ...wxs, '-gn', '$gwx'];
  const run = spawnSync(wechatCompiler('wcc'), args, { cwd: root, maxBuffer: 64 * 1024 * 1024 });
  if (run.error) throw run.error;
  const stderr = run.stderr.toString().trim();
  return { ok: run.status === 0, message: stderr || `wcc exited with ${run.status}`, output: run.stdout.toString() };
}

/** `wcsc`: compiles every WXSS file; @import targets must be in the list, as in WeChat's build. */
export function runWcsc(root: string): ToolRun {
  const wxss = filesUnder(root, '.wxss').sort();
  // Component and page styles first, their count after -pc (as the package's wrapper does).
  const withJson = wxss.filter((f) => fs.existsSync(path.join(root, f.replace(/\.wxss$/, '.json'))));
  const others = wxss.filter((f) => !withJson.includes(f));
  const args = ['-db', '-pc', String(withJson.length), ...withJson, ...others];
  const run = spawnSync(wechatCompiler('wcsc'), args, { cwd: root, maxBuffer: 64 * 1024 * 1024 });
  if (run.error) throw run.error;
  // wcsc reports unresolved @imports on stderr even when it succeeds; failures exit non-zero.
  const stderr = run.stderr
    .toString()
    .replace(/^ERR: /, '')
    .replace(/\s*error file count: \d+\s*$/, '')
    // wcsc quotes the offending character; at the end of the file there is none.
    .replace(/unexpected `$/, 'unexpected end of file')
    .trim();
  return { ok: run.status === 0, message: stderr || `wcsc exited with ${run.status}`, output: run.stdout.toString() };
}
