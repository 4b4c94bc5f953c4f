/** Serves a built H5 app from a folder (`--app`): files as they are, index.html for anything else. */
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { sendJson } from '../http';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

export function serveStatic(appDir: string, url: URL, res: http.ServerResponse): void {
  const root = path.resolve(appDir);
  let file = path.resolve(root, `.${decodeURIComponent(url.pathname)}`);
  if (!file.startsWith(root)) return sendJson(res, 403, { code: 'FORBIDDEN', message: 'outside the app folder' });
  if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(root, 'index.html');
  if (!fs.existsSync(file)) return sendJson(res, 404, { code: 'NOT_FOUND', message: 'no H5 build here: run npm run build:h5' });
  const body = fs.readFileSync(file);
  res.writeHead(200, { 'content-type': MIME[path.extname(file)] ?? 'application/octet-stream', 'content-length': body.length });
  res.end(body);
}
