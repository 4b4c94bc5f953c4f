import type { ActionContext } from '../../action';
import { fail } from '../../errors';
import { maskName } from '../../lib/mask';
import { requireKey } from '../../lib/pii';
import { toIso } from '../../lib/time';
import { writeAudit } from '../../shared/audit';
import { findMemberByCardNo, requireActiveMember, requireMember } from '../../shared/members';
import { MEMBER_BENEFITS } from './benefits';
import { signCardToken, verifyCardToken } from './cardToken';
import { cardErrors } from './errors';
import type { CardTokenView, CardVerifyView, CardView } from './views';

export async function getCard(ctx: ActionContext): Promise<CardView> {
  const m = await requireMember(ctx.openid);
  return {
    cardNo: m.cardNo,
    name: m.name,
    orgName: m.orgName,
    memberSince: toIso(m.memberSince),
    status: m.status,
    benefits: MEMBER_BENEFITS,
  };
}

export async function issueCardToken(ctx: ActionContext): Promise<CardTokenView> {
  const m = await requireActiveMember(ctx.openid, '您的会籍当前不可用，暂不能出示会员码');
  const signed = signCardToken(m.cardNo, requireKey('CARD_TOKEN_KEY'), ctx.now);
  return { token: signed.token, expiresAt: signed.expiresAt.toISOString() };
}

export async function verifyCard(token: string, ctx: ActionContext): Promise<CardVerifyView> {
  const result = verifyCardToken(token, requireKey('CARD_TOKEN_KEY'), ctx.now);
  if (!result.ok) throw cardErrors.fail(result.reason === 'expired' ? 'TOKEN_EXPIRED' : 'TOKEN_INVALID');
  const m = await findMemberByCardNo(result.cardNo);
  if (!m) throw cardErrors.fail('TOKEN_INVALID');
  await writeAudit({
    actor: ctx.openid,
    action: 'card.verify',
    target: m.cardNo,
    summary: `会员卡 ${m.cardNo}`,
    at: ctx.now,
    details: { result: m.status },
  });
  if (m.status !== 'active') throw fail('MEMBER_INACTIVE');
  return { cardNo: m.cardNo, nameMasked: maskName(m.name), orgName: m.orgName, status: m.status };
}
