/** Small HTTP helpers for the local cloud's server: the one request-body reader, JSON answers, checks. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { MAX_BODY_DEPTH, nestedDeeperThan } from './jsonDepth';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Reads a request body, refusing more than `limit` bytes with a 413 HttpError. Past the limit the rest
 * is read and dropped (so the client, still sending, gets the answer rather than a reset) up to
 * `drainLimit` bytes, after which the connection is cut. A client that goes away rejects with 400.
 */
export function readBody(req: IncomingMessage, limit: number, drainLimit = limit * 8): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const tooLarge = () => new HttpError(413, 'INVALID_PARAM', `request body over ${limit} bytes`);
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = Number(req.headers['content-length'] ?? 0) > limit;
    if (refused) reject(tooLarge());
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > drainLimit) {
        req.destroy();
        return;
      }
      if (refused) return;
      if (size > limit) {
        refused = true;
        chunks.length = 0;
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', () => reject(new HttpError(400, 'INVALID_PARAM', 'request aborted by the client')));
    req.on('close', () => {
      if (!req.complete) reject(new HttpError(400, 'INVALID_PARAM', 'request aborted by the client'));
    });
  });
}

/** Reads and discards a request body (up to `limit` bytes; past that the connection is closed). */
export function drain(req: IncomingMessage, limit = 1024 * 1024): Promise<void> {
  if (req.readableEnded || req.complete) return Promise.resolve();
  return new Promise((resolve) => {
    let seen = 0;
    req.on('data', (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > limit) {
        req.socket.destroy();
        resolve();
      }
    });
    req.once('end', () => resolve());
    req.once('error', () => resolve());
    req.once('close', () => resolve());
  });
}

/** Runs `answer` once the client has finished sending (an early answer to a large upload is not lost). */
export function afterBody(req: IncomingMessage, res: ServerResponse, answer: () => void): void {
  if (req.complete) return answer();
  res.setHeader('connection', 'close');
  req.once('end', answer);
}

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

/**
 * Web pages may call the local cloud only from a loopback origin (the H5 app it serves, or Taro's dev
 * server): a page from anywhere else in the developer's browser must not read or write local data.
 */
export function isLoopbackOrigin(origin: string): boolean {
  try {
    const { protocol, hostname } = new URL(origin);
    return (protocol === 'http:' || protocol === 'https:') && LOOPBACK_NAMES.includes(hostname);
  } catch {
    return false;
  }
}

/**
 * The Host header must name this machine (any port). A page of another site that points its own DNS
 * name at 127.0.0.1 (DNS rebinding) is same-origin to itself, so the Origin check cannot refuse it:
 * its requests carry its own name as Host.
 */
export function isLoopbackHost(host: string | undefined): boolean {
  if (!host) return false;
  const match = /^(\[[^\]]+\]|[^:]+)(?::\d{1,5})?$/.exec(host.trim().toLowerCase());
  return !!match && LOOPBACK_NAMES.includes(match[1]);
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

/** Parses a JSON request body (an object), refusing one nested deeper than MAX_BODY_DEPTH with a 400. */
export function parseJson(body: Buffer): Record<string, unknown> {
  const text = body.toString('utf8');
  if (nestedDeeperThan(text, MAX_BODY_DEPTH)) {
    throw new HttpError(400, 'INVALID_PARAM', `request body nested deeper than ${MAX_BODY_DEPTH} levels`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'INVALID_PARAM', 'request body is not valid JSON');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new HttpError(400, 'INVALID_PARAM', 'request body must be a JSON object');
  }
  return value as Record<string, unknown>;
}
