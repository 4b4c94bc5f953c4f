/**
 * The local cloud's own endpoints (not part of WeChat Cloud), for the developer, the H5 app and tests:
 *   GET|DELETE /_emu/outbox                  subscribe messages sent by functions (DELETE clears)
 *   POST /_emu/trigger/<fn>/<trigger>        fire a timer trigger now
 *   GET  /_emu/health                        liveness and what is loaded
 *   GET  /_emu/db/version                    the store's version: the number of the last committed change
 *   GET  /_emu/invocations?function=&limit=  recent function invocations, most recent first
 *   POST /_emu/pauses                        arm a pause { function, openid?, action?, atRequest } → view with id
 *   GET  /_emu/pauses                        every pause;  DELETE /_emu/pauses: remove all (releasing held requests)
 *   GET  /_emu/pauses/<id>?waitMs=           its state (long-polls while armed)
 *   POST /_emu/pauses/<id>/release           let the held request go on;  DELETE /_emu/pauses/<id>: disarm
 *   GET  /_emu/locks                         documents locked by open transactions, and writes waiting for them
 *   POST /_emu/client/upload?openid=&cloudPath=   wx.cloud.uploadFile for the H5 app (raw file bytes)
 *   GET  /_emu/client/download, POST /_emu/client/getTempFileURL   client reads (../security/clientStorage.ts)
 *   GET|POST|DELETE /_emu/clock              the local cloud's clock offset (./clock.ts)
 *   POST /_emu/snapshots                     remember the database as it is now → { id, documents }
 *   POST /_emu/snapshots/<id>/restore        put every document back as it was then → { changed }
 *   DELETE /_emu/snapshots                   forget them all
 */
import type http from 'node:http';
import type { FunctionHost } from '../functions/host';
import { HttpError, parseJson, readBody, sendJson } from '../http';
import type { Outbox } from '../outbox';
import { checkClientUpload, handleClientStorage } from '../security/clientStorage';
import type { CloudParts } from './cloud';
import { handleClock } from './clock';
import type { StoreSnapshot } from '../db/mvcc';

export interface EmuParts extends CloudParts {
  envId: string;
  outbox: Outbox;
  fireTrigger(functionName: string, triggerName: string): Promise<unknown>;
}

const MAX_WAIT_MS = 60_000;

function int(url: URL, name: string, fallback: number, max: number): number {
  const text = url.searchParams.get(name);
  if (text === null || text === '') return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw new HttpError(400, 'INVALID_PARAM', `${name} must be a non-negative integer`);
  return Math.min(n, max);
}

/** Who an invocation id belongs to (function, caller, the call's event.action), for the locks view. */
function describeInvocation(functions: FunctionHost, id: string | undefined): Record<string, unknown> {
  const record = id ? functions.log.byId(id) : undefined;
  if (!record) return id ? { invocation: id } : {};
  return {
    invocation: record.id,
    function: record.function,
    ...(record.openid ? { openid: record.openid } : {}),
    ...(record.action ? { callAction: record.action } : {}),
  };
}

/** Handles /_emu/...; false when no route matches. */
export async function handleEmu(
  parts: EmuParts,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
): Promise<boolean> {
  const method = req.method ?? 'GET';
  const p = url.pathname;
  if (p === '/_emu/outbox' && (method === 'GET' || method === 'DELETE')) {
    if (method === 'DELETE') parts.outbox.clear();
    sendJson(res, 200, { messages: parts.outbox.list() });
    return true;
  }
  const trigger = /^\/_emu\/trigger\/([^/]+)\/([^/]+)$/.exec(p);
  if (trigger && method === 'POST') {
    const result = await parts.fireTrigger(decodeURIComponent(trigger[1]), decodeURIComponent(trigger[2]));
    sendJson(res, 200, { result });
    return true;
  }
  if (p === '/_emu/health') {
    sendJson(res, 200, {
      ok: true,
      envId: parts.envId,
      functions: parts.functions.names(),
      collections: [...parts.db.collections.keys()].sort(),
    });
    return true;
  }
  if (p === '/_emu/db/version' && method === 'GET') {
    // Every committed change (a write, a removal, a transaction's commit) takes the next number: a test that must
    // prove a call stored nothing can compare this one figure instead of reading every collection.
    sendJson(res, 200, { version: parts.db.store.version });
    return true;
  }
  if (p === '/_emu/invocations' && method === 'GET') {
    const fn = url.searchParams.get('function') ?? undefined;
    sendJson(res, 200, { invocations: parts.functions.log.list({ function: fn, limit: int(url, 'limit', 20, 1000) }) });
    return true;
  }
  if (p === '/_emu/locks' && method === 'GET') {
    const { locks, waiting } = parts.db.transactions.describe();
    sendJson(res, 200, {
      locks: locks.map(({ invocation, ...lock }) => ({ ...lock, ...describeInvocation(parts.functions, invocation) })),
      waiting: waiting.map(({ invocation, ...wait }) => ({ ...wait, ...describeInvocation(parts.functions, invocation) })),
      // invocation, function, openid, callAction: the function call that holds the lock / that waits
      transactions: { open: parts.db.transactions.count, oldVersionsHeld: parts.db.store.heldVersions },
    });
    return true;
  }
  if (p === '/_emu/client/upload' && method === 'POST') {
    await checkClientUpload(parts.security, parts.storage, req, url); // storage.json "write"
    await parts.storage.handleClientUpload(req, res, url);
    return true;
  }
  if (await handleClientStorage(parts.security, parts.storage, req, res, url)) return true;
  if (p === '/_emu/clock' && (await handleClock(parts.clock, req, res))) return true;
  if (p.startsWith('/_emu/snapshots')) return handleSnapshots(parts, res, p, method);
  return handlePauses(parts, req, res, url, method);
}

/** Snapshots kept per database (the oldest is dropped beyond this many). */
const MAX_SNAPSHOTS = 20;
const snapshotsOf = new WeakMap<object, Map<string, StoreSnapshot>>();
let snapshotSerial = 0;

/**
 * A test that runs one scenario many times (a call held before each of its database requests in turn) builds the
 * starting state once and puts it back before each run, instead of building it again through the actions.
 */
function handleSnapshots(parts: EmuParts, res: http.ServerResponse, p: string, method: string): boolean {
  let kept = snapshotsOf.get(parts.db);
  if (!kept) snapshotsOf.set(parts.db, (kept = new Map()));
  if (p === '/_emu/snapshots' && method === 'POST') {
    const id = `snap-${(snapshotSerial += 1)}`;
    const snapshot = parts.db.store.snapshot();
    kept.set(id, snapshot);
    if (kept.size > MAX_SNAPSHOTS) kept.delete(kept.keys().next().value as string);
    let documents = 0;
    snapshot.forEach((docs) => (documents += docs.size));
    sendJson(res, 200, { id, documents });
    return true;
  }
  if (p === '/_emu/snapshots' && method === 'DELETE') {
    kept.clear();
    sendJson(res, 200, { snapshots: [] });
    return true;
  }
  const match = /^\/_emu\/snapshots\/([^/]+)\/restore$/.exec(p);
  if (!match || method !== 'POST') return false;
  const snapshot = kept.get(decodeURIComponent(match[1]));
  if (!snapshot) throw new HttpError(404, 'SNAPSHOT_NOT_FOUND', `no snapshot ${match[1]} (20 are kept at most)`);
  // A transaction open now would commit over the restored documents: restore only between calls.
  if (parts.db.transactions.count > 0) {
    throw new HttpError(409, 'TRANSACTION_OPEN', `${parts.db.transactions.count} transaction(s) open: restore between calls`);
  }
  sendJson(res, 200, { changed: parts.db.store.restore(snapshot) });
  return true;
}

async function handlePauses(
  parts: EmuParts,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
  method: string,
): Promise<boolean> {
  const { pauses } = parts;
  if (url.pathname === '/_emu/pauses') {
    if (method === 'POST') sendJson(res, 200, pauses.arm(parseJson(await readBody(req, 64 * 1024))));
    else if (method === 'DELETE') {
      pauses.clear();
      sendJson(res, 200, { pauses: [] });
    } else if (method === 'GET') sendJson(res, 200, { pauses: pauses.list() });
    else return false;
    return true;
  }
  const match = /^\/_emu\/pauses\/([^/]+)(\/release)?$/.exec(url.pathname);
  if (!match) return false;
  const id = decodeURIComponent(match[1]);
  if (match[2] && method === 'POST') sendJson(res, 200, pauses.release(id));
  else if (!match[2] && method === 'GET') sendJson(res, 200, await pauses.state(id, int(url, 'waitMs', 0, MAX_WAIT_MS)));
  else if (!match[2] && method === 'DELETE') {
    pauses.disarm(id);
    sendJson(res, 200, { id, removed: true });
  } else return false;
  return true;
}
