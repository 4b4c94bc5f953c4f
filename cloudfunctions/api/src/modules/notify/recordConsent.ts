import type { ActionContext } from '../../action';
import { COLLECTIONS, findMany, setById } from '../../db';
import { toIso } from '../../lib/time';
import type { ConsentRecord } from '../../records';
import type { ConsentView } from '../../views';
import type { TemplateKey } from './schemas';

export async function recordConsent(
  templateKey: TemplateKey,
  accepted: boolean,
  ctx: ActionContext,
): Promise<{ consents: ConsentView[] }> {
  await setById(COLLECTIONS.consents, `${ctx.openid}:${templateKey}`, {
    openid: ctx.openid,
    templateKey,
    accepted,
    at: ctx.now,
  });
  return { consents: await listConsents(ctx.openid) };
}

export async function listConsents(openid: string): Promise<ConsentView[]> {
  const rows = await findMany<ConsentRecord>(COLLECTIONS.consents, { openid });
  return rows.map((r) => ({ templateKey: r.templateKey, accepted: Boolean(r.accepted), at: toIso(r.at) }));
}
