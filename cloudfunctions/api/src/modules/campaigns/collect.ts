/**
 * 发放 at a station. `check`: the station's staff scan the member's card QR or type the 8-digit 核验码 (read by the
 * card module; typed codes count against the counter's limit on wrong tries), see the masked name and what to
 * hand over, and get a ticket. `collect`: they confirm with the ticket; the entry flips to collected inside a
 * transaction that also moves the campaign's count, so
 *  - two taps, or two stations at once, collect once (both write the entry: one commits, the other is retried and
 *    refused with the date and station of the first);
 *  - a removal from the list writes the same entry, a closing the same campaign document: never both.
 * The used code is retired (as at a merchant's counter).
 */
import type { ActionContext } from '../../action';
import { findById, withTransaction } from '../../db';
import { fail } from '../../errors';
import { maskName } from '../../lib/mask';
import { requireKey } from '../../lib/pii';
import { toIso } from '../../lib/time';
import { chinaMoment, ENTRY_SOURCE_LABELS, windowRefusal, type EntrySource } from '../../rules/campaigns';
import { writeAudit } from '../../shared/audit';
import { findMemberByCardNo } from '../../shared/members';
import { coversOrg } from '../../shared/scope';
import { readCardCode, type CardCode } from '../card/cardCode';
import { readShortCode, retireShortCode, SHORT_CODE_PATTERN } from '../card/shortCode';
import { readTicket, signTicket } from '../merchants/ticket';
import { withTry } from '../merchants/tries';
import { assertHandsOut, loadCampaign } from './access';
import { CAMPAIGNS_COLLECTIONS as C } from './collections';
import { campaignsErrors as errors } from './errors';
import { entryIdOf } from './lists';
import type { CampaignRecord, EntryRecord, Station } from './records';
import type { CampaignsCheckInput } from './schemas';
import { toEntryView } from './toViews';
import type { CheckView, EntryView } from './views';

/** A station's place key on a ticket and in the wrong-tries counter: never a merchant's id. */
function stationKey(campaignId: string, stationId: string): string {
  return `campaign:${campaignId}:${stationId}`;
}

function stationOf(campaign: CampaignRecord, stationId: string): Station {
  const station = campaign.stations.find((s) => s.id === stationId);
  if (!station) throw fail('NOT_FOUND', '领取点不存在，请重新选择', { field: 'stationId' });
  return station;
}

/** Why this campaign hands out nothing now, or nothing. */
function assertHandingOut(campaign: CampaignRecord, now: Date): void {
  if (campaign.status === 'closed') throw errors.fail('CAMPAIGN_CLOSED');
  const refusal = windowRefusal(campaign, now);
  if (refusal) throw errors.fail('OUT_OF_WINDOW', refusal);
}

/** Why this entry cannot be collected, in a sentence the staffer tells the member; nothing when it can. */
function assertCollectable(entry: EntryRecord | null): asserts entry is EntryRecord {
  if (!entry || entry.status === 'removed') throw errors.fail('NOT_LISTED');
  if (entry.status === 'collected')
    throw errors.fail(
      'ALREADY_COLLECTED',
      `该会员已于${chinaMoment(new Date(toIso(entry.collectedAt)))}在${entry.stationName}领取过本次慰问品，不能重复领取`,
      { collectedAt: toIso(entry.collectedAt), stationName: entry.stationName },
    );
  if (entry.status === 'closed') throw errors.fail('CAMPAIGN_CLOSED');
}

/**
 * The sources a staffer is told: that a family is on file as 困难职工 is family data, so a station of a union outside
 * the member's chain hands out without learning it (the gift is the same).
 */
function visibleSources(sources: readonly EntrySource[], memberOrgPath: readonly string[], ctx: ActionContext): EntrySource[] {
  return sources.filter((s) => s !== 'hardship' || coversOrg(ctx, memberOrgPath));
}

/** Nobody hands a gift to themself: another staffer of the station does. */
function assertNotOwn(member: { openid: string }, ctx: ActionContext): void {
  if (member.openid === ctx.openid) throw fail('FORBIDDEN', '不能为本人登记领取，请由其他工作人员办理');
}

async function readStationCode(code: string, key: string, ctx: ActionContext): Promise<CardCode> {
  if (!SHORT_CODE_PATTERN.test(code)) return readCardCode(code, ctx.now);
  return withTry(ctx.openid, key, ctx.now, () => readShortCode(code, ctx.now));
}

export async function checkCode(input: CampaignsCheckInput, ctx: ActionContext): Promise<CheckView> {
  const campaign = await loadCampaign(input.campaignId);
  await assertHandsOut(ctx, campaign);
  const station = stationOf(campaign, input.stationId);
  assertHandingOut(campaign, ctx.now);
  const key = stationKey(campaign._id, station.id);
  const code = await readStationCode(input.code, key, ctx);
  const member = await findMemberByCardNo(code.cardNo);
  if (!member) throw fail('NOT_FOUND', '不是有效会员：未找到这张会员卡，请让会员刷新电子工会卡后重新出示');
  assertNotOwn(member, ctx);
  const entry = await findById<EntryRecord>(C.entries, entryIdOf(campaign._id, member.openid));
  assertCollectable(entry);
  const signed = signTicket(
    { nonce: code.nonce, cardNo: member.cardNo, placeId: key, staff: ctx.openid },
    requireKey('CARD_TOKEN_KEY'),
    ctx.now,
  );
  await writeAudit({
    actor: ctx.openid,
    action: 'campaigns.check',
    target: member.cardNo,
    summary: `${maskName(member.name)} · ${campaign.title} · ${station.name}`,
    at: ctx.now,
  });
  return {
    member: { nameMasked: maskName(member.name), orgName: member.orgName },
    campaign: { _id: campaign._id, title: campaign.title, gift: campaign.gift },
    station,
    sourceLabels: visibleSources(entry.sources, member.orgPath, ctx).map((s) => ENTRY_SOURCE_LABELS[s]),
    ticket: signed.ticket,
    ticketExpiresAt: signed.expiresAt.toISOString(),
  };
}

export async function collect(input: { ticket: string }, ctx: ActionContext): Promise<EntryView> {
  const read = readTicket(input.ticket, requireKey('CARD_TOKEN_KEY'), ctx.now);
  if (!read.ok)
    throw read.reason === 'expired'
      ? errors.fail('TICKET_EXPIRED')
      : fail('INVALID_INPUT', '核验凭据无效，请重新扫码', { field: 'ticket' });
  const t = read.ticket;
  const [prefix, campaignId, stationId, ...rest] = t.placeId.split(':');
  if (prefix !== 'campaign' || !campaignId || !stationId || rest.length)
    throw fail('INVALID_INPUT', '核验凭据无效，请重新扫码', { field: 'ticket' });
  if (t.staff !== ctx.openid) throw fail('FORBIDDEN', '请使用本人扫码核验的结果');
  const campaign = await loadCampaign(campaignId);
  await assertHandsOut(ctx, campaign);
  const station = stationOf(campaign, stationId);
  const member = await findMemberByCardNo(t.cardNo);
  if (!member) throw fail('NOT_FOUND', '不是有效会员：未找到这张会员卡，请让会员刷新电子工会卡后重新出示');
  assertNotOwn(member, ctx);
  const id = entryIdOf(campaignId, member.openid);
  const entry = await withTransaction(async (tx) => {
    const current = await tx.get<CampaignRecord>(C.campaigns, campaignId);
    if (!current) throw fail('NOT_FOUND', '活动不存在或已删除');
    assertHandingOut(current, ctx.now);
    const found = await tx.get<EntryRecord>(C.entries, id);
    assertCollectable(found);
    const change = {
      status: 'collected' as const,
      collectedAt: ctx.now,
      stationId: station.id,
      stationName: station.name,
      collectedBy: ctx.openid,
    };
    await tx.update(C.entries, id, change);
    await tx.update(C.campaigns, campaignId, { collectedCount: current.collectedCount + 1 });
    return { ...found, _id: id, ...change };
  });
  await retireShortCode(member.cardNo, t.nonce, ctx.now);
  await writeAudit({
    actor: ctx.openid,
    action: 'campaigns.collect',
    target: id,
    summary: `${entry.nameMasked} · ${campaign.title} · ${station.name}`,
    at: ctx.now,
    details: { orgId: campaign.orgId },
  });
  return toEntryView({ ...entry, sources: visibleSources(entry.sources, member.orgPath, ctx) });
}
