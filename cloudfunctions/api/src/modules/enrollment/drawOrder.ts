/**
 * The lottery rule (抽签), pure so anyone can re-run it from what is published: entries are ordered by their
 * priority rank (0 first), then by HMAC-SHA256(key = the seed as UTF-8 text, message = the ticket as UTF-8
 * text) in lower-case hex, ascending. Winners are taken from the front of that order as seats and group
 * quotas allow; everyone else is waitlisted in the same order.
 */
import { createHmac, randomBytes } from 'node:crypto';

export interface DrawInput {
  ticket: string;
  rank: number;
}

export function drawKey(seed: string, ticket: string): string {
  return createHmac('sha256', seed).update(ticket).digest('hex');
}

export function drawOrder<T extends DrawInput>(seed: string, entries: readonly T[]): T[] {
  const keyed = entries.map((entry) => ({ entry, key: drawKey(seed, entry.ticket) }));
  keyed.sort((a, b) => a.entry.rank - b.entry.rank || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map((k) => k.entry);
}

/** A fresh seed: 32 random bytes in hex, chosen only when staff start the draw (after the window closed). */
export function newSeed(): string {
  return randomBytes(32).toString('hex');
}

/** A member's public lottery ticket: 12 hex characters, drawn at sign-up (before any seed exists). */
export function newTicket(): string {
  return randomBytes(6).toString('hex');
}
