/**
 * 消息与待办 of 医疗互助: a claim decided in the last 30 days (approved, paid or refused) is an `info` item the member
 * clears by opening it; the key carries the status, so the payment after the approval is news again.
 */
import type { ActionContext, InboxDeclaration, InboxItem } from '../../action';
import { command, findMany } from '../../db';
import { toIso } from '../../lib/time';
import { toYuan } from '../../rules/mutualAid';
import { MUTUAL_AID_COLLECTIONS as C } from './collections';
import type { ClaimRecord } from './records';

const RECENT_MS = 30 * 86_400_000;

async function decidedClaims(openid: string, ctx: ActionContext): Promise<InboxItem[]> {
  const rows = await findMany<ClaimRecord>(
    C.claims,
    { openid, status: command().in(['approved', 'paid', 'rejected']) },
    { orderBy: [['submittedAt', 'desc']], limit: 10 },
  );
  return rows
    .map((c) => {
      const at = new Date(toIso(c.payment?.recordedAt ?? c.decidedAt ?? c.submittedAt));
      const amount = toYuan(c.approvedFen ?? 0);
      const title =
        c.status === 'paid'
          ? `医疗互助金 ${amount} 元已支付`
          : c.status === 'approved'
            ? `医疗互助理赔已核准 ${amount} 元`
            : '医疗互助理赔未予核准';
      return {
        key: `mutualAidClaims:${c._id}:${c.status}`,
        kind: 'info' as const,
        label: '医疗互助',
        title,
        note: c.status === 'rejected' ? (c.decisionNote ?? '') : `${c.hospital} · ${c.admittedOn} 至 ${c.dischargedOn}`,
        at,
        route: 'mutualAid',
      };
    })
    .filter((i) => ctx.now.getTime() - i.at.getTime() <= RECENT_MS);
}

export const mutualAidInbox: InboxDeclaration = { sources: { mutualAidClaims: decidedClaims } };
