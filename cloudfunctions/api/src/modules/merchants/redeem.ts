/**
 * 核销 at the counter. `check`: merchant staff scan a member's card code and see whether it is a valid member
 * (name masked) and which offers they can use; they get a ticket. `redeem`: they confirm one offer with that
 * ticket and a redemption is written. Limits hold under any concurrency without a transaction:
 *  - the redemption's _id is the limit slot it takes (`${offerId}_${cardNo}_${periodKey}_${k}`, k ≤ perPeriod),
 *    so the database's unique _id decides who gets the last slot (insertUnique);
 *  - its codeKey has a unique index, so a code is consumed by one redemption;
 *  - a total per offer is a capacity document (shared/capacity.ts) claimed before the insert and given back
 *    when the insert is refused: a crash in between can only leave a seat unused, never oversell.
 */
import type { ActionContext } from '../../action';
import { command, countWhere, findMany, findPage, insertUnique, type Page } from '../../db';
import { fail } from '../../errors';
import { maskName } from '../../lib/mask';
import { requireKey } from '../../lib/pii';
import { toIso } from '../../lib/time';
import { chinaDate } from '../../rules/time';
import { writeAudit } from '../../shared/audit';
import { claimSeat, ensureCapacity, releaseSeat, type SeatRef } from '../../shared/capacity';
import { findMemberByCardNo } from '../../shared/members';
import type { MemberRecord } from '../../shared/records';
import { assertMerchant, scopesOf } from '../../shared/scope';
import { cardErrors } from '../card/errors';
import { readCardCodeAnyAge, type CardCode } from '../card/cardCode';
import { readShortCode, retireShortCode, SHORT_CODE_PATTERN } from '../card/shortCode';
import { MERCHANTS_COLLECTIONS as C } from './collections';
import { loadPlace } from './directory';
import { merchantsErrors as errors } from './errors';
import { periodKey } from './periods';
import { limitText, offerIsCurrent } from './placeViews';
import type { OfferRecord, PlaceRecord, RedemptionRecord } from './records';
import { readTicket, signTicket } from './ticket';
import { withTry } from './tries';
import type { CheckView, RedemptionView } from './views';

function ticketKey(): string {
  return requireKey('CARD_TOKEN_KEY');
}

/** The place merchant staff act for: the one asked for (checked against their scope), or their only one. */
export function staffPlaceId(ctx: ActionContext, placeId: string | undefined): string {
  const scopes = scopesOf(ctx, 'merchant');
  const id = placeId ?? (scopes && scopes.length ? scopes[0] : undefined);
  if (!id) throw fail('INVALID_INPUT', '请选择商户', { field: 'placeId' });
  assertMerchant(ctx, id);
  return id;
}

/** The counter's words for a card that is not a member's, or a membership that is stopped. */
function activeMember(m: MemberRecord | null): MemberRecord {
  if (!m) throw fail('NOT_FOUND', '不是有效会员：未找到这张会员卡，请让会员刷新电子工会卡后重新出示');
  if (m.status !== 'active') throw fail('MEMBER_INACTIVE', '会籍已停用：该会员暂不能享受会员优惠，请其联系所属工会');
  return m;
}

const PERIOD_WORDS = { day: '今日', week: '本周', month: '本月' } as const;

/** Why an offer's per-member limit refuses, in words a clerk can tell the member (今日已达次数上限 …). */
function limitMessage(offer: OfferRecord): string {
  if (offer.period === 'none') return errors.codes.LIMIT_REACHED;
  return `${PERIOD_WORDS[offer.period]}已达次数上限：该会员${PERIOD_WORDS[offer.period]}已使用本优惠${offer.perPeriod}次（${limitText(offer)}）`;
}

function usableOffer(place: PlaceRecord, offerId: string, now: Date): OfferRecord {
  if (place.status !== 'active') throw errors.fail('PLACE_SUSPENDED');
  const offer = place.offers.find((o) => o._id === offerId);
  if (!offer) throw fail('NOT_FOUND', '这是其他商户的优惠（或已删除），本店不能核销');
  if (!offerIsCurrent(offer, now)) throw errors.fail('OFFER_UNAVAILABLE');
  return offer;
}

function toView(r: RedemptionRecord): RedemptionView {
  return {
    _id: r._id,
    placeId: r.placeId,
    placeName: r.placeName,
    offerTitle: r.offerTitle,
    nameMasked: r.nameMasked,
    at: toIso(r.at),
  };
}

async function byCode(codeKey: string): Promise<RedemptionRecord | null> {
  return (await findMany<RedemptionRecord>(C.redemptions, { codeKey }, { limit: 1 }))[0] ?? null;
}

/**
 * A scanned QR token (signature checked; an expired one still read, so that a used code is refused as used), or a
 * typed 核验码 (looked up, counted against the limit on wrong tries).
 */
async function readCounterCode(input: string, placeId: string, ctx: ActionContext): Promise<CardCode> {
  if (!SHORT_CODE_PATTERN.test(input)) return readCardCodeAnyAge(input, ctx.now);
  return withTry(ctx.openid, placeId, ctx.now, () => readShortCode(input, ctx.now));
}

export async function checkCode(input: { code: string; placeId?: string }, ctx: ActionContext): Promise<CheckView> {
  const placeId = staffPlaceId(ctx, input.placeId);
  const code = await readCounterCode(input.code, placeId, ctx);
  const keys = (['day', 'week', 'month'] as const).map((p) => periodKey(p, ctx.now));
  const [member, used, place, usage] = await Promise.all([
    findMemberByCardNo(code.cardNo),
    byCode(`${code.cardNo}:${code.nonce}`),
    loadPlace(placeId),
    findMany<RedemptionRecord>(C.redemptions, { cardNo: code.cardNo, placeId, periodKey: command().in(keys) }, { limit: 1000 }),
  ]);
  if (used) throw errors.fail('TOKEN_USED');
  if (code.expired) throw cardErrors.fail('TOKEN_EXPIRED');
  const m = activeMember(member);
  if (place.status !== 'active') throw errors.fail('PLACE_SUSPENDED');
  const offers = place.offers
    .filter((o) => offerIsCurrent(o, ctx.now))
    .map((o) => {
      const count = usage.filter((r) => r.offerId === o._id && r.periodKey === periodKey(o.period, ctx.now)).length;
      const available = o.period === 'none' || count < o.perPeriod;
      return {
        offerId: o._id,
        title: o.title,
        terms: o.terms,
        limitText: limitText(o),
        available,
        ...(available ? {} : { reason: errors.codes.LIMIT_REACHED }),
      };
    });
  const signed = signTicket({ nonce: code.nonce, cardNo: m.cardNo, placeId, staff: ctx.openid }, ticketKey(), ctx.now);
  // Like card.verify: every look at a member's card at a counter leaves a trace (masked name only).
  await writeAudit({
    actor: ctx.openid,
    action: 'merchants.check',
    target: m.cardNo,
    summary: `${maskName(m.name)} · ${place.name}`,
    at: ctx.now,
  });
  return {
    member: {
      nameMasked: maskName(m.name),
      orgName: m.orgName,
      cardNoMasked: `${m.cardNo.slice(0, 4)}****${m.cardNo.slice(-4)}`,
    },
    place: { _id: place._id, name: place.name },
    offers,
    ticket: signed.ticket,
    ticketExpiresAt: signed.expiresAt.toISOString(),
  };
}

export async function redeem(
  input: { ticket: string; offerId: string },
  ctx: ActionContext,
): Promise<{ redemption: RedemptionView; repeated: boolean }> {
  const read = readTicket(input.ticket, ticketKey(), ctx.now);
  if (!read.ok)
    throw read.reason === 'expired'
      ? errors.fail('TICKET_EXPIRED')
      : fail('INVALID_INPUT', '核验凭据无效，请重新扫码', { field: 'ticket' });
  const t = read.ticket;
  if (t.staff !== ctx.openid) throw fail('FORBIDDEN', '请使用本人扫码核验的结果');
  assertMerchant(ctx, t.placeId);
  const [place, member] = await Promise.all([loadPlace(t.placeId), findMemberByCardNo(t.cardNo)]);
  const offer = usableOffer(place, input.offerId, ctx.now);
  const m = activeMember(member);
  const codeKey = `${m.cardNo}:${t.nonce}`;
  const key = periodKey(offer.period, ctx.now);

  const repeatOrUsed = async (): Promise<{ redemption: RedemptionView; repeated: boolean } | null> => {
    const existing = await byCode(codeKey);
    if (!existing) return null;
    if (existing.offerId === offer._id && existing.staffOpenid === ctx.openid)
      return { redemption: toView(existing), repeated: true };
    throw errors.fail('TOKEN_USED');
  };

  let seat: SeatRef | null = null;
  if (offer.totalLimit) {
    seat = { collection: C.offerQuotas, id: offer._id };
    let claim = await claimSeat(seat, codeKey);
    if (claim === 'closed') {
      await ensureCapacity(seat, offer.totalLimit, { placeId: place._id });
      claim = await claimSeat(seat, codeKey);
    }
    if (claim === 'held') {
      // The same code holds a seat: a redemption with it is done (a repeated confirm) or under way right now.
      const repeat = await repeatOrUsed();
      if (repeat) return repeat;
      throw fail('CONFLICT', '该会员码正在核销中，请稍后在今日核销记录中查看');
    }
    if (claim !== 'claimed') throw errors.fail('OFFER_SOLD_OUT');
  }

  const record: RedemptionRecord = {
    _id: '',
    codeKey,
    placeId: place._id,
    placeName: place.name,
    placeOrgPath: place.orgPath,
    offerId: offer._id,
    offerTitle: offer.title,
    cardNo: m.cardNo,
    openid: m.openid,
    nameMasked: maskName(m.name),
    staffOpenid: ctx.openid,
    periodKey: key,
    day: chinaDate(ctx.now),
    month: chinaDate(ctx.now).slice(0, 7),
    at: ctx.now,
  };
  const slots =
    offer.period === 'none'
      ? [`${offer._id}_${m.cardNo}_${t.nonce}`]
      : Array.from({ length: offer.perPeriod }, (_, i) => `${offer._id}_${m.cardNo}_${key}_${i + 1}`);
  for (const slot of slots) {
    let taken: boolean;
    try {
      const { _id: _unset, ...data } = record;
      taken = await insertUnique(C.redemptions, slot, data);
    } catch {
      break; // the codeKey is taken: this code was used by a concurrent redemption
    }
    if (taken) {
      await retireShortCode(m.cardNo, t.nonce, ctx.now);
      return { redemption: toView({ ...record, _id: slot }), repeated: false };
    }
  }
  if (seat) await releaseSeat(seat, codeKey);
  const repeat = await repeatOrUsed();
  if (repeat) return repeat;
  throw errors.fail('LIMIT_REACHED', limitMessage(offer));
}

export async function myRedemptions(page: number | undefined, ctx: ActionContext): Promise<Page<RedemptionView>> {
  const { rows, total } = await findPage<RedemptionRecord>(C.redemptions, { openid: ctx.openid }, [['at', 'desc']], page);
  return { items: rows.map(toView), total };
}

/** The counter's day: today's redemptions at the staff member's place, newest first, and how many (total). */
export async function todayAtPlace(
  input: { placeId?: string; page?: number },
  ctx: ActionContext,
): Promise<Page<RedemptionView> & { place: { _id: string; name: string }; day: string }> {
  const placeId = staffPlaceId(ctx, input.placeId);
  const day = chinaDate(ctx.now);
  const [place, { rows, total }] = await Promise.all([
    loadPlace(placeId),
    findPage<RedemptionRecord>(C.redemptions, { placeId, day }, [['at', 'desc']], input.page),
  ]);
  return { place: { _id: place._id, name: place.name }, day, items: rows.map(toView), total };
}

/** 工作台: today's redemptions at the caller's places (merchant staff; all places for admins; 0 for others). */
export async function countRedemptionsToday(ctx: ActionContext): Promise<number> {
  const scopes = scopesOf(ctx, 'merchant');
  if (scopes !== null && scopes.length === 0) return 0;
  const where: Record<string, unknown> = { day: chinaDate(ctx.now) };
  if (scopes !== null) where.placeId = command().in(scopes);
  return countWhere(C.redemptions, where);
}
