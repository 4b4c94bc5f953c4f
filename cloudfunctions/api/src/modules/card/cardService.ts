import type { ActionContext } from '../../action';
import { fail } from '../../errors';
import { maskName } from '../../lib/mask';
import { requireKey } from '../../lib/pii';
import { toIso } from '../../lib/time';
import { writeAudit } from '../../shared/audit';
import { findMemberByCardNo, requireActiveMember, requireMember } from '../../shared/members';
import { areaSwitches } from '../settings/settings';
import { benefitsFor } from './benefits';
import { readCardCode } from './cardCode';
import { signCardToken, signCardTokens } from './cardToken';
import { shortCodesFor } from './shortCode';
import { cardErrors } from './errors';
import type { Benefit, CardTokensView, CardTokenView, CardVerifyView, CardView } from './views';

export async function getCard(ctx: ActionContext): Promise<CardView> {
  const m = await requireMember(ctx.openid);
  return {
    cardNo: m.cardNo,
    name: m.name,
    orgName: m.orgName,
    memberSince: toIso(m.memberSince),
    status: m.status,
    benefits: benefitsFor(await areaSwitches()),
  };
}

export async function issueCardToken(ctx: ActionContext): Promise<CardTokenView> {
  const m = await requireActiveMember(ctx.openid, '您的会籍当前不可用，暂不能出示会员码');
  const signed = signCardToken(m.cardNo, requireKey('CARD_TOKEN_KEY'), ctx.now);
  return { token: signed.token, expiresAt: signed.expiresAt.toISOString() };
}

/**
 * Tokens for the next minutes, one per window, so that the card still shows a valid code without network; each
 * with the window's 核验码 (the short code a clerk can type), which shares the token's nonce.
 */
export async function issueCardTokens(ctx: ActionContext): Promise<CardTokensView> {
  const m = await requireActiveMember(ctx.openid, '您的会籍当前不可用，暂不能出示会员码');
  const codes = await shortCodesFor(m.cardNo, ctx.now);
  const signed = signCardTokens(
    m.cardNo,
    requireKey('CARD_TOKEN_KEY'),
    ctx.now,
    codes.length,
    codes.map((c) => c.nonce),
  );
  const tokens = signed.map((t, i) => ({
    token: t.token,
    shortCode: codes[i].code,
    notBefore: (t.notBefore ?? ctx.now).toISOString(),
    expiresAt: t.expiresAt.toISOString(),
  }));
  return { tokens, serverTime: ctx.now.toISOString() };
}

export async function listBenefits(): Promise<{ items: Benefit[] }> {
  return { items: benefitsFor(await areaSwitches()) };
}

export async function verifyCard(token: string, ctx: ActionContext): Promise<CardVerifyView> {
  const code = readCardCode(token, ctx.now);
  const m = await findMemberByCardNo(code.cardNo);
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
