/**
 * miniprogram-ci's local compile of a built mini-program, in its own process group (started by
 * compile.ts, which kills the group afterwards: miniprogram-ci leaves a compiler process running).
 * The compile is what an upload would do before sending: app.json and page JSON checked, every JS
 * file transformed to ES5 and minified, WXML minified, WXSS autoprefixed and minified (the JS passes can be
 * left out for checks of markup only: `transformJs: false`).
 * Offline: the project is given its attributes (`attr`), so the appid lookup at servicewechat.com is
 * skipped; the allowed-file-extension list, which miniprogram-ci would fetch, is its own built-in
 * default; anything else that tries the network goes to a closed local proxy (see compile.ts).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CiTask, CiOutcome } from './compile';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

/** Not a real mini-program: nothing is uploaded, the appid only has to look like one. */
const DUMMY_APPID = 'wx0000000000000000';

function clipLines(text: string): string {
  return text
    .split('\n')
    .map((line) => (line.length > 240 ? `${line.slice(0, 240)}…` : line))
    .slice(0, 16)
    .join('\n');
}

/** A throwaway project folder: the repo's project.config.json, pointing at a copy of the build. */
function stageProject(task: CiTask): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weapp-ci-'));
  fs.cpSync(task.distDir, path.join(dir, 'dist'), { recursive: true });
  const config = JSON.parse(fs.readFileSync(task.projectConfig, 'utf8')) as Record<string, unknown>;
  fs.writeFileSync(
    path.join(dir, 'project.config.json'),
    JSON.stringify({ ...config, appid: DUMMY_APPID, miniprogramRoot: 'dist/' }),
  );
  return dir;
}

async function compile(task: CiTask): Promise<CiOutcome> {
  const ci = require('miniprogram-ci') as Loose;
  const whiteExtList = require('miniprogram-ci/dist/utils/white_ext_list') as Loose;
  whiteExtList.getWhiteExtList = async () => ({
    MiniProgramWhiteList: new Set(whiteExtList.MiniProgramWhiteList),
    GameWhiteList: new Set(whiteExtList.GameWhiteList),
  });
  const { DefaultProjectAttr } = require('miniprogram-ci/dist/config/config') as Loose;
  const { privateKey } = crypto.generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const projectPath = stageProject(task);
  try {
    const project = new ci.Project({
      appid: DUMMY_APPID,
      type: 'miniProgram',
      projectPath,
      privateKey,
      ignores: ['node_modules/**/*'],
      attr: async () => DefaultProjectAttr,
    });
    const files = (await ci.getCompiledResult({
      project,
      setting:
        task.transformJs === false
          ? { es6: false, minifyJS: false, minifyWXML: true, minifyWXSS: true, autoPrefixWXSS: true }
          : { es6: true, minify: true, autoPrefixWXSS: true },
      // One compiler thread (the default is one per core): npm test runs other suites alongside.
      threads: 1,
      onProgressUpdate: () => undefined,
    })) as Record<string, string | Buffer>;
    const bytes: Record<string, number> = {};
    for (const [file, content] of Object.entries(files)) bytes[file] = Buffer.byteLength(content);
    return { ok: true, bytes };
  } catch (error) {
    const e = error as { code?: number; path?: string; message?: string };
    // Paths relative to the build folder, as the other checks name them (the staged project has it in dist/).
    const relative = (text: string) => text.replace(/^dist\//, '');
    return {
      ok: false,
      code: e.code,
      file: e.path && relative(e.path),
      message: clipLines(relative(String(e.message ?? error))),
    };
  } finally {
    fs.rmSync(projectPath, { recursive: true, force: true });
  }
}

process.once('message', (task: CiTask) => {
  compile(task).then(
    (outcome) => process.send!(outcome),
    (error: unknown) => process.send!({ ok: false, message: `miniprogram-ci crashed: ${(error as Error).stack ?? error}` }),
  );
});
