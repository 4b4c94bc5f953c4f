import type { ActionContext } from '../../action';
import { findMany, setById } from '../../db';
import { toIso } from '../../lib/time';
import { CORE_COLLECTIONS } from '../../shared/collections';
import type { ConsentRecord } from '../../shared/records';
import type { ConsentView } from './views';

export async function recordConsent(
  templateKey: string,
  accepted: boolean,
  ctx: ActionContext,
): Promise<{ consents: ConsentView[] }> {
  await setById(CORE_COLLECTIONS.consents, `${ctx.openid}:${templateKey}`, {
    openid: ctx.openid,
    templateKey,
    accepted,
    at: ctx.now,
  });
  return { consents: await listConsents(ctx.openid) };
}

export async function listConsents(openid: string): Promise<ConsentView[]> {
  return toConsentViews(await findMany<ConsentRecord>(CORE_COLLECTIONS.consents, { openid }));
}

export function toConsentViews(rows: readonly ConsentRecord[]): ConsentView[] {
  return rows.map((r) => ({ templateKey: r.templateKey, accepted: Boolean(r.accepted), at: toIso(r.at) }));
}
