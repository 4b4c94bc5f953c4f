/**
 * Storage, OpenApi and Outbox of the local cloud, driven by the REAL wx-server-sdk through a throwaway
 * HTTP server that wires /admin to the classes the way emulator/server.ts does (JSON storage.* actions →
 * Storage.handleAction, multipart wx.openApi → OpenApi.handle with the caller from `?caller=`).
 */
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Storage } from '../../emulator/storage';
import { OpenApi } from '../../emulator/openapi';
import { Outbox } from '../../emulator/outbox';

Object.assign(process.env, {
  TENCENTCLOUD_RUNENV: 'SCF',
  SCF_NAMESPACE: 'test-env',
  TCB_ENV: 'test-env',
  TENCENTCLOUD_REGION: 'ap-shanghai',
  TENCENTCLOUD_SECRETID: 'x',
  TENCENTCLOUD_SECRETKEY: 'y',
  WX_APPID: 'wxlocal',
});

interface Wired {
  server: http.Server;
  port: number;
  storage: Storage;
  outbox: Outbox;
}

async function startWired(dir: string | null): Promise<Wired> {
  let port = 0;
  const storage = new Storage({ dir, envId: 'test-env', baseUrl: () => `http://127.0.0.1:${port}` });
  const outbox = new Outbox(dir ? path.join(dir, 'outbox.jsonl') : null);
  const permissions: Record<string, string[]> = { sender: ['subscribeMessage.send', 'wxacode.getUnlimited'] };
  const openapi = new OpenApi(outbox, (fn) => permissions[fn] ?? []);
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    try {
      if (await storage.handleHttp(req, res, url)) return;
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const body = Buffer.concat(chunks);
      const contentType = String(req.headers['content-type'] ?? '');
      const requestId = `req-${Date.now()}`;
      if (url.pathname === '/admin' && contentType.startsWith('multipart/form-data')) {
        const answer = await openapi.handle(body, contentType, url.searchParams.get('caller'));
        res.writeHead(answer.status, answer.headers);
        res.end(answer.body);
        return;
      }
      if (url.pathname === '/admin') {
        const params = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
        let answer: Record<string, unknown>;
        try {
          answer = { requestId, ...(await storage.handleAction(String(params.action), params)) };
        } catch (e) {
          const err = e as { code?: string; message?: string };
          answer = { code: err.code ?? 'SYS_ERR', message: err.message ?? String(e), requestId };
        }
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify(answer));
        return;
      }
      res.writeHead(404);
      res.end();
    } catch (e) {
      res.writeHead(500);
      res.end(String(e));
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as { port: number }).port;
  return { server, port, storage, outbox };
}

// cloud.init only takes effect once per loaded module (and cloud.openapi stays bound to that instance), so
// each server/caller gets a freshly loaded wx-server-sdk, initialised the way a cloud function does it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function sdkFor(port: number, caller: string | null): any {
  const q = caller === null ? '' : `caller=${caller}&`;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let fresh: any;
  jest.isolateModules(() => {
    fresh = require('wx-server-sdk');
  });
  fresh.init({ env: 'test-env', serviceUrl: `http://127.0.0.1:${port}/admin?${q}` });
  return fresh;
}

describe.each([
  ['disk', true],
  ['memory', false],
])('storage + openapi through the real wx-server-sdk (%s)', (_label, onDisk) => {
  let dir: string | null = null;
  let w: Wired;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let sdk: any;

  beforeAll(async () => {
    dir = onDisk ? fs.mkdtempSync(path.join(os.tmpdir(), 'wxcloud-storage-')) : null;
    w = await startWired(dir);
    sdk = sdkFor(w.port, 'sender');
  });
  afterAll(async () => {
    await new Promise<void>((r) => w.server.close(() => r()));
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('uploadFile → getTempFileURL → fetch → downloadFile → deleteFile', async () => {
    const content = Buffer.from('会员证 PNG bytes \u0000\u0001\u00ff', 'utf8');
    const cloudPath = 'avatars/会员 1.png';
    const up = await sdk.uploadFile({ cloudPath, fileContent: content });
    expect(up.fileID).toBe(`cloud://test-env.local-bucket/${cloudPath}`);
    if (dir) expect(fs.readFileSync(path.join(dir, 'files', 'avatars', '会员 1.png'))).toEqual(content);

    const temp = await sdk.getTempFileURL({ fileList: [up.fileID] });
    expect(temp.fileList).toHaveLength(1);
    expect(temp.fileList[0]).toMatchObject({ fileID: up.fileID, status: 0, errMsg: 'ok', maxAge: 86400 });
    const url: string = temp.fileList[0].tempFileURL;
    expect(url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${w.port}/_storage/files/`));
    const got = await fetch(url);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await got.arrayBuffer())).toEqual(content);
    // The SDK applies encodeURI to temp URLs before fetching (downloadFile / getFileInfo): also accepted.
    expect((await fetch(encodeURI(url))).status).toBe(200);
    // A tampered signature is refused.
    expect((await fetch(url.replace(/sign=[0-9a-f]/, (m) => (m.endsWith('0') ? 'sign=1' : 'sign=0')))).status).toBe(403);

    const down = await sdk.downloadFile({ fileID: up.fileID });
    expect(Buffer.from(down.fileContent)).toEqual(content);

    const del = await sdk.deleteFile({ fileList: [up.fileID, 'cloud://test-env.local-bucket/nope.txt'] });
    expect(del.fileList[0]).toMatchObject({ fileID: up.fileID, status: 0 });
    expect(del.fileList[1].status).toBe(-503003);

    // The old URL now 404s; getTempFileURL reports the file as missing; downloadFile rejects.
    expect((await fetch(url)).status).toBe(404);
    const again = await sdk.getTempFileURL({ fileList: [up.fileID] });
    expect(again.fileList[0]).toMatchObject({ fileID: up.fileID, status: -503003, tempFileURL: '' });
    await expect(sdk.downloadFile({ fileID: up.fileID })).rejects.toMatchObject({
      errMsg: `downloadFile:fail storage file not exists: ${up.fileID}`,
    });
    if (dir) expect(fs.existsSync(path.join(dir, 'files', 'avatars'))).toBe(false);
  });

  test('short maxAge expires; content types; HEAD', async () => {
    const up = await sdk.uploadFile({ cloudPath: 'docs/a.json', fileContent: Buffer.from('{"a":1}') });
    const temp = await sdk.getTempFileURL({ fileList: [{ fileID: up.fileID, maxAge: 1 }] });
    expect(temp.fileList[0].maxAge).toBe(1);
    const url = temp.fileList[0].tempFileURL;
    const head = await fetch(url, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(head.headers.get('content-length')).toBe('7');
    await new Promise((r) => setTimeout(r, 1100));
    expect((await fetch(url)).status).toBe(403);
    const xlsx = await sdk.uploadFile({ cloudPath: 'x/report.xlsx', fileContent: Buffer.from('PK') });
    const bin = await sdk.uploadFile({ cloudPath: 'x/blob', fileContent: Buffer.from('?') });
    const urls = await sdk.getTempFileURL({ fileList: [xlsx.fileID, bin.fileID] });
    expect((await fetch(urls.fileList[0].tempFileURL)).headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect((await fetch(urls.fileList[1].tempFileURL)).headers.get('content-type')).toBe('application/octet-stream');
  });

  test('invalid cloud paths are refused with INVALID_PARAM', async () => {
    for (const cloudPath of ['../etc/passwd', 'a//b.txt', 'a\\b.txt', '/abs.txt', 'a/../b.txt', 'dir/']) {
      await expect(sdk.uploadFile({ cloudPath, fileContent: Buffer.from('x') })).rejects.toMatchObject({
        errMsg: expect.stringMatching(/^uploadFile:fail cloudPath must (not contain|be relative)/),
      });
    }
    await expect(w.storage.handleAction('storage.getUploadMetadata', { path: 'a/../../b' })).rejects.toMatchObject({
      code: 'INVALID_PARAM',
    });
  });

  test('upload URL: single PUT, bad token 403, too large 413', async () => {
    const meta = await w.storage.handleAction('storage.getUploadMetadata', { path: 'once.txt', method: 'put' });
    const data = meta.data as { url: string; fileId: string };
    expect(data.fileId).toBe('cloud://test-env.local-bucket/once.txt');
    const first = await fetch(data.url, { method: 'PUT', body: 'one' });
    expect(first.status).toBe(200);
    expect(await first.text()).toBe('');
    const second = await fetch(data.url, { method: 'PUT', body: 'two' });
    expect(second.status).toBe(403);
    expect(await second.text()).toContain('<Code>AccessDenied</Code>');
    const bad = await fetch(data.url.replace(/token=\d+\./, 'token=9999999999999.'), { method: 'PUT', body: 'x' });
    expect(bad.status).toBe(403);

    const big = await w.storage.handleAction('storage.getUploadMetadata', { path: 'big.bin' });
    const tooLarge = await fetch((big.data as { url: string }).url, {
      method: 'PUT',
      body: Buffer.alloc(50 * 1024 * 1024 + 1),
    });
    expect(tooLarge.status).toBe(413);
    expect(await tooLarge.text()).toContain('EntityTooLarge');
    expect(await w.storage.exists('big.bin')).toBe(false);
    expect((await w.storage.readFile('once.txt'))?.toString()).toBe('one');
  });

  test('openapi.subscribeMessage.send goes to the outbox', async () => {
    w.outbox.clear();
    const res = await sdk.openapi.subscribeMessage.send({
      touser: 'o1',
      templateId: 't1',
      page: 'pages/index/index',
      data: { thing1: { value: '审核通过' } },
      miniprogramState: 'developer',
    });
    expect(res).toMatchObject({ errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' });
    const list = w.outbox.list();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      api: 'subscribeMessage.send',
      touser: 'o1',
      templateId: 't1',
      page: 'pages/index/index',
      data: { thing1: { value: '审核通过' } },
      miniprogramState: 'developer',
      caller: 'sender',
    });
    expect(typeof list[0].id).toBe('string');
    expect(Number.isNaN(Date.parse(list[0].at))).toBe(false);
    if (dir) {
      // Durable: a new Outbox on the same file sees it.
      expect(new Outbox(path.join(dir, 'outbox.jsonl')).list()).toEqual(list);
    }
  });

  test('openapi: missing touser is a wx error; unsupported api errcode -1', async () => {
    await expect(sdk.openapi.subscribeMessage.send({ templateId: 't1', data: { thing1: { value: 'x' } } })).rejects.toMatchObject(
      { errCode: 40003 },
    );
    let err: { errCode?: number; errMsg?: string } = {};
    try {
      await sdk.openapi.wxacode.getUnlimited({ scene: 'a=1' });
    } catch (e) {
      err = e as typeof err;
    }
    expect(err.errCode).toBe(-1);
    expect(err.errMsg).toContain('not emulated by the local cloud: wxacode.getUnlimited');
  });

  test('openapi: a caller without the permission, or no cloud function, is refused clearly', async () => {
    const before = w.outbox.list().length;
    const stranger = sdkFor(w.port, 'stranger');
    let err: { errCode?: number; errMsg?: string } = {};
    try {
      await stranger.openapi.subscribeMessage.send({ touser: 'o1', templateId: 't1', data: { thing1: { value: 'x' } } });
    } catch (e) {
      err = e as typeof err;
    }
    expect(err.errMsg).toContain('openapi subscribeMessage.send not allowed for function stranger');
    expect(err.errMsg).toContain('permissions.openapi');
    expect(err.errCode).toBe(-604101);
    expect(err.errMsg).toBe(
      'openapi.subscribeMessage.send:fail function has no permission to call this API: openapi subscribeMessage.send ' +
        'not allowed for function stranger: add "subscribeMessage.send" to cloudfunctions/stranger/config.json permissions.openapi',
    );

    const outsider = sdkFor(w.port, null);
    await expect(
      outsider.openapi.subscribeMessage.send({ touser: 'o1', templateId: 't1', data: { thing1: { value: 'x' } } }),
    ).rejects.toMatchObject({ errCode: -604104, errMsg: expect.stringContaining('works only inside cloud functions') });
    expect(w.outbox.list()).toHaveLength(before);
  });
});

describe('client uploads in the durable store', () => {
  test('the uploader’s openid is kept with the file, and goes with it when deleted', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-cloud-meta-'));
    try {
      const storage = new Storage({ dir, envId: 'test-env', baseUrl: () => 'http://127.0.0.1:1' });
      await storage.writeFile('client/a.png', Buffer.from('png'), { openid: 'o-1', contentType: 'image/png', uploadedAt: 'now' });
      const again = new Storage({ dir, envId: 'test-env', baseUrl: () => 'http://127.0.0.1:1' });
      expect(await again.metaOf('client/a.png')).toEqual({ openid: 'o-1', contentType: 'image/png', uploadedAt: 'now' });
      expect(await again.deleteFile('client/a.png')).toBe(true);
      expect(await again.metaOf('client/a.png')).toBeNull();
      expect(fs.readdirSync(path.join(dir, 'meta'))).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
