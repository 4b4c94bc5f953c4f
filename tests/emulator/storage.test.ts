/**
 * Contract: cloud storage through the real SDK (reference-server-api/storage/uploadFile,
 * getTempFileURL, downloadFile, deleteFile), served by the local cloud.
 */
import crypto from 'node:crypto';
import { startHarness, uniqueName, type Harness, type Sdk } from './helpers';

let h: Harness;
let sdk: Sdk;

beforeAll(async () => {
  h = await startHarness();
  sdk = h.sdk;
});

afterAll(async () => {
  await h?.stop();
});

function bytes(n: number): Buffer {
  return crypto.randomBytes(n);
}

async function upload(content: Buffer, ext = 'bin'): Promise<{ fileID: string; cloudPath: string }> {
  const cloudPath = `tests/${uniqueName('file')}.${ext}`;
  const res: any = await sdk.cloud.uploadFile({ cloudPath, fileContent: content });
  return { fileID: res.fileID, cloudPath };
}

test('uploadFile resolves {fileID} naming the cloud path', async () => {
  const content = bytes(1024);
  const { fileID, cloudPath } = await upload(content);
  expect(typeof fileID).toBe('string');
  expect(fileID.startsWith('cloud://')).toBe(true);
  expect(fileID.endsWith(cloudPath)).toBe(true);
});

test('getTempFileURL gives a URL the local server serves with the same bytes', async () => {
  const content = bytes(300 * 1024);
  const { fileID } = await upload(content, 'png');
  const res: any = await sdk.cloud.getTempFileURL({ fileList: [fileID] });
  expect(res.fileList).toHaveLength(1);
  const item = res.fileList[0];
  expect(item.fileID).toBe(fileID);
  expect(item.status).toBe(0);
  expect(typeof item.tempFileURL).toBe('string');
  expect(item.maxAge).toBeGreaterThan(0);
  const url = new URL(item.tempFileURL);
  expect(url.origin).toBe(h.cloudProc.baseUrl);
  const fetched = await fetch(item.tempFileURL);
  expect(fetched.status).toBe(200);
  expect(Buffer.from(await fetched.arrayBuffer()).equals(content)).toBe(true);
});

test('getTempFileURL honours a maxAge: the URL stops working after it expires', async () => {
  const content = bytes(64);
  const { fileID } = await upload(content);
  const res: any = await sdk.cloud.getTempFileURL({ fileList: [{ fileID, maxAge: 1 }] as any });
  const item = res.fileList[0];
  expect(item.maxAge).toBe(1);
  const now = await fetch(item.tempFileURL);
  expect(now.status).toBe(200);
  await now.arrayBuffer();
  await new Promise((r) => setTimeout(r, 2200));
  const later = await fetch(item.tempFileURL);
  expect(later.status).not.toBe(200);
});

test('a tampered temp URL is refused', async () => {
  const { fileID } = await upload(bytes(64));
  const other = await upload(bytes(64));
  const res: any = await sdk.cloud.getTempFileURL({ fileList: [fileID] });
  const url = new URL(res.fileList[0].tempFileURL);
  const otherPath = other.fileID.split('/').slice(3).join('/');
  // Point the signed URL at another file: the signature must not cover it.
  const tampered = url.href.replace(encodeURI(fileID.split('/').slice(3).join('/')), encodeURI(otherPath));
  expect(tampered).not.toBe(url.href);
  const r = await fetch(tampered);
  expect(r.status).not.toBe(200);
});

test('getTempFileURL for a missing file reports a per-file failure', async () => {
  const { fileID } = await upload(bytes(16));
  const missing = fileID.replace(/[^/]+$/, 'does-not-exist.bin');
  const res: any = await sdk.cloud.getTempFileURL({ fileList: [fileID, missing] });
  expect(res.fileList).toHaveLength(2);
  expect(res.fileList[0].status).toBe(0);
  expect(res.fileList[1].fileID).toBe(missing);
  expect(res.fileList[1].status).not.toBe(0);
});

test('downloadFile resolves {fileContent} with the same bytes', async () => {
  const content = bytes(200 * 1024);
  const { fileID } = await upload(content);
  const res: any = await sdk.cloud.downloadFile({ fileID });
  expect(Buffer.isBuffer(res.fileContent)).toBe(true);
  expect(res.fileContent.equals(content)).toBe(true);
});

test('uploading to the same cloudPath replaces the content', async () => {
  const cloudPath = `tests/${uniqueName('same')}.txt`;
  const a: any = await sdk.cloud.uploadFile({ cloudPath, fileContent: Buffer.from('first') });
  const b: any = await sdk.cloud.uploadFile({ cloudPath, fileContent: Buffer.from('second') });
  expect(b.fileID).toBe(a.fileID);
  const res: any = await sdk.cloud.downloadFile({ fileID: a.fileID });
  expect(res.fileContent.toString()).toBe('second');
});

test('non-ASCII cloud paths work', async () => {
  const cloudPath = `tests/${uniqueName('证件')}/照片 1.jpg`;
  const content = bytes(100);
  const up: any = await sdk.cloud.uploadFile({ cloudPath, fileContent: content });
  const res: any = await sdk.cloud.downloadFile({ fileID: up.fileID });
  expect(res.fileContent.equals(content)).toBe(true);
});

test('deleteFile reports each file deleted; afterwards download fails', async () => {
  const content = bytes(128);
  const { fileID } = await upload(content);
  const res: any = await sdk.cloud.deleteFile({ fileList: [fileID] });
  expect(res.fileList).toHaveLength(1);
  expect(res.fileList[0].fileID).toBe(fileID);
  expect(res.fileList[0].status).toBe(0);
  await expect(sdk.cloud.downloadFile({ fileID })).rejects.toBeTruthy();
  const url: any = await sdk.cloud.getTempFileURL({ fileList: [fileID] });
  expect(url.fileList[0].status).not.toBe(0);
});

test('a cloudPath that escapes the storage root is refused', async () => {
  await expect(sdk.cloud.uploadFile({ cloudPath: '../../escape.txt', fileContent: Buffer.from('x') })).rejects.toBeTruthy();
  await expect(sdk.cloud.uploadFile({ cloudPath: 'a/../../../escape.txt', fileContent: Buffer.from('x') })).rejects.toBeTruthy();
});

describe('client-side upload (wx.cloud.uploadFile for the H5 app): POST /_emu/client/upload', () => {
  const clientUpload = (query: Record<string, string>, body: Buffer | string, type = 'image/png') =>
    fetch(`${h.cloudProc.baseUrl}/_emu/client/upload?${new URLSearchParams(query)}`, {
      method: 'POST',
      headers: { 'content-type': type },
      body: typeof body === 'string' ? body : new Uint8Array(body),
    });

  test('answers the fileID the SDK would give; the server side reads, serves and deletes the file', async () => {
    const content = bytes(64 * 1024);
    const cloudPath = `client/${uniqueName('photo')}.png`;
    const res = await clientUpload({ openid: 'o-client-1', cloudPath }, content);
    expect(res.status).toBe(200);
    const { fileID } = (await res.json()) as { fileID: string };
    expect(fileID).toBe(`cloud://test-env.local-bucket/${cloudPath}`);

    const down: any = await sdk.cloud.downloadFile({ fileID });
    expect(Buffer.compare(down.fileContent, content)).toBe(0);
    const temp: any = await sdk.cloud.getTempFileURL({ fileList: [fileID] });
    const served = await fetch(temp.fileList[0].tempFileURL);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(Buffer.compare(Buffer.from(await served.arrayBuffer()), content)).toBe(0);
    const del: any = await sdk.cloud.deleteFile({ fileList: [fileID] });
    expect(del.fileList[0].status).toBe(0);
    await expect(sdk.cloud.downloadFile({ fileID })).rejects.toBeTruthy();
  });

  test('refuses unsafe paths, a missing openid and files over 10 MB', async () => {
    for (const cloudPath of ['../escape.png', '/abs.png', 'a//b.png', 'a/./b.png', '']) {
      const res = await clientUpload({ openid: 'o-client-1', cloudPath }, 'x');
      expect(res.status).toBe(400);
    }
    expect((await clientUpload({ cloudPath: 'ok.png' }, 'x')).status).toBe(400);
    expect((await clientUpload({ openid: 'o x', cloudPath: 'ok.png' }, 'x')).status).toBe(400);
    const big = await clientUpload({ openid: 'o-client-1', cloudPath: 'client/big.bin' }, Buffer.alloc(10 * 1024 * 1024 + 1));
    expect(big.status).toBe(413);
    expect(((await big.json()) as { code: string }).code).toBe('INVALID_PARAM');
    await expect(sdk.cloud.downloadFile({ fileID: 'cloud://test-env.local-bucket/client/big.bin' })).rejects.toBeTruthy();
  });
});
