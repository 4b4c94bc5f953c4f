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
  const rows = await findMany<ConsentRecord>(COLLECTIONS.consents, { openid: ctx.openid });
  return { consents: rows.map((r) => ({ templateKey: r.templateKey, accepted: Boolean(r.accepted), at: toIso(r.at) })) };
}
