/**
 * Outbox of the local cloud: the subscribe messages cloud functions "send" through
 * `cloud.openapi.subscribeMessage.send`. Nothing leaves the machine; tests and the developer read them here.
 *
 * Durable mode keeps one JSON object per line in a file (append-only; `clear()` truncates it),
 * in-memory mode (file = null) keeps them in an array only.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';

export interface OutboxMessage {
  id: string;
  api: string;
  touser?: string;
  templateId?: string;
  page?: string;
  data?: unknown;
  miniprogramState?: string;
  caller: string | null;
  at: string /* ISO */;
}

export class Outbox {
  private readonly file: string | null;
  private messages: OutboxMessage[] = [];

  constructor(file: string | null) {
    this.file = file;
    if (file) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      this.messages = readJsonLines(file);
      // After a crash mid-append the file may end in a torn line: start the next record on a line of its own.
      if (fs.existsSync(file)) {
        const size = fs.statSync(file).size;
        if (size > 0) {
          const fd = fs.openSync(file, 'r');
          const last = Buffer.alloc(1);
          fs.readSync(fd, last, 0, 1, size - 1);
          fs.closeSync(fd);
          if (last[0] !== 0x0a) fs.appendFileSync(file, '\n', 'utf8');
        }
      }
    }
  }

  add(message: Omit<OutboxMessage, 'id' | 'at'>): OutboxMessage {
    const stored: OutboxMessage = {
      id: randomUUID(),
      ...message,
      caller: message.caller ?? null,
      at: new Date().toISOString(),
    };
    // Undefined fields are left out (as they would be after a JSON round trip).
    for (const key of Object.keys(stored) as (keyof OutboxMessage)[]) {
      if (stored[key] === undefined) delete stored[key];
    }
    if (this.file) fs.appendFileSync(this.file, `${JSON.stringify(stored)}\n`, 'utf8');
    this.messages.push(stored);
    return clone(stored);
  }

  /** All messages, oldest first (copies: changing them does not change the outbox). */
  list(): OutboxMessage[] {
    return this.messages.map(clone);
  }

  clear(): void {
    this.messages = [];
    if (this.file) fs.writeFileSync(this.file, '', 'utf8');
  }
}

function clone(message: OutboxMessage): OutboxMessage {
  return JSON.parse(JSON.stringify(message)) as OutboxMessage;
}

function readJsonLines(file: string): OutboxMessage[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  const out: OutboxMessage[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const parsed = JSON.parse(line) as OutboxMessage;
      if (parsed && typeof parsed === 'object' && typeof parsed.id === 'string') out.push(parsed);
    } catch {
      // A torn last line (crash while appending) is skipped; the rest of the outbox stays readable.
    }
  }
  return out;
}
