/**
 * Building a campaign's list from sources, never from typed names: active 困难职工档案 in the campaign's union
 * (through hardship's exported reader) and members of chosen unions flagged 户外劳动者 or joined as 新就业形态.
 * One entry document per campaign and person (_id = `${campaignId}_${openid}`), so adding is idempotent: a second
 * build, or two staff building at once, never lists anyone twice.
 */
import type { ActionContext } from '../../action';
import {
  command,
  findAll,
  findById,
  findMany,
  findPage,
  insertMany,
  insertUnique,
  updateWhere,
  withTransaction,
  type Page,
} from '../../db';
import { fail } from '../../errors';
import { maskName } from '../../lib/mask';
import { toIso } from '../../lib/time';
import {
  chinaMoment,
  endOfChinaDay,
  ENTRY_SOURCE_LABELS,
  OUTDOOR_TAG,
  type EntrySource,
  type EntryStatus,
} from '../../rules/campaigns';
import { writeAudit } from '../../shared/audit';
import { activeMembersIn, findMembersByOpenids } from '../../shared/members';
import { getOrg } from '../../shared/orgs';
import type { MemberRecord } from '../../shared/records';
import { assertCoversOrg } from '../../shared/scope';
import { activeHardshipFilesIn } from '../hardship/lists';
import { assertManages, loadCampaign } from './access';
import { sweepEntries } from './campaigns';
import { CAMPAIGNS_COLLECTIONS as C } from './collections';
import { campaignsErrors as errors } from './errors';
import type { CampaignRecord, EntryRecord } from './records';
import type { CampaignsAddFromMembersInput } from './schemas';
import { toEntryView } from './toViews';
import type { EntryView } from './views';

export function entryIdOf(campaignId: string, openid: string): string {
  return `${campaignId}_${openid}`;
}

async function openCampaignToBuild(campaignId: string, ctx: ActionContext): Promise<CampaignRecord> {
  const campaign = await loadCampaign(campaignId);
  assertManages(ctx, campaign);
  if (campaign.status === 'closed') throw errors.fail('CAMPAIGN_CLOSED', '本次活动已结束，不能再添加名单');
  return campaign;
}

function newEntry(campaign: CampaignRecord, m: MemberRecord, sources: EntrySource[], ctx: ActionContext): EntryRecord {
  return {
    _id: entryIdOf(campaign._id, m.openid),
    campaignId: campaign._id,
    openid: m.openid,
    cardNo: m.cardNo,
    nameMasked: maskName(m.name),
    orgName: m.orgName,
    orgPath: m.orgPath,
    sources,
    status: 'listed',
    campaignTitle: campaign.title,
    kind: campaign.kind,
    gift: campaign.gift,
    endDate: campaign.endDate,
    endsAt: endOfChinaDay(campaign.endDate),
    stationsText: campaign.stations.map((s) => s.name).join('、'),
    addedAt: ctx.now,
    addedBy: ctx.openid,
  };
}

/**
 * Adds the people (with the source each came from) who are not on the list yet; someone removed earlier is put
 * back. Batches of 100: one read, one insert of the missing; a batch refused because a concurrent build inserted
 * some of them meanwhile falls back to one unique insert each.
 */
async function addEntries(
  campaign: CampaignRecord,
  people: { member: MemberRecord; source: EntrySource }[],
  ctx: ActionContext,
): Promise<{ added: number; already: number }> {
  const byOpenid = new Map<string, { member: MemberRecord; sources: EntrySource[] }>();
  for (const p of people) {
    const found = byOpenid.get(p.member.openid);
    if (found) {
      if (!found.sources.includes(p.source)) found.sources.push(p.source);
    } else byOpenid.set(p.member.openid, { member: p.member, sources: [p.source] });
  }
  const all = [...byOpenid.values()];
  let added = 0;
  for (let i = 0; i < all.length; i += 100) {
    const batch = all.slice(i, i + 100).map((p) => newEntry(campaign, p.member, p.sources, ctx));
    const existing = await findMany<EntryRecord>(
      C.entries,
      { _id: command().in(batch.map((e) => e._id)) },
      { limit: batch.length },
    );
    const known = new Map(existing.map((e) => [e._id, e]));
    const missing = batch.filter((e) => !known.has(e._id));
    try {
      await insertMany(C.entries, missing);
      added += missing.length;
    } catch {
      for (const e of missing) {
        const { _id, ...data } = e;
        if (await insertUnique(C.entries, _id, data)) added += 1;
      }
    }
    for (const e of existing.filter((x) => x.status === 'removed')) {
      added += await updateWhere(
        C.entries,
        { _id: e._id, status: 'removed' },
        { status: 'listed', addedAt: ctx.now, addedBy: ctx.openid },
      );
    }
  }
  await refuseIfClosedMeanwhile(campaign._id);
  return { added, already: all.length - added };
}

/**
 * The status check of openCampaignToBuild and the entries written after it are not one transaction (a list is
 * written in batches of 100), so a closing may come in between: its sweep (closed, then listed → closed) can run
 * before these entries exist, which would leave them waiting in 消息与待办 on a closed campaign. Write, then look:
 * the campaign is read again once the entries are written. Still open, the closing (if any) commits after this read,
 * so its sweep, which follows, finds them. Closed, they are swept here (the flag first, so the timer finishes a
 * sweep that meets an entry held elsewhere) and the build is refused.
 */
async function refuseIfClosedMeanwhile(campaignId: string): Promise<void> {
  const now = await findById<CampaignRecord>(C.campaigns, campaignId);
  if (now?.status !== 'closed') return;
  await updateWhere(C.campaigns, { _id: campaignId }, { entriesSwept: false });
  await sweepEntries(campaignId).catch(() => {
    // An entry held by another call: the timer sweeps the rest (sweepClosedCampaigns).
  });
  throw errors.fail('CAMPAIGN_CLOSED', '本次活动已结束，不能再添加名单');
}

async function audited(
  campaign: CampaignRecord,
  result: { added: number; already: number },
  what: string,
  ctx: ActionContext,
): Promise<{ added: number; already: number }> {
  await writeAudit({
    actor: ctx.openid,
    action: 'campaigns.addList',
    target: campaign._id,
    summary: `${campaign.title} · ${what} · 新增 ${result.added} 人`,
    at: ctx.now,
    details: { orgId: campaign.orgId, added: result.added },
  });
  return result;
}

/** Families with an active 困难职工档案 in the campaign's union (the member who holds the file is listed). */
export async function addFromHardship(campaignId: string, ctx: ActionContext): Promise<{ added: number; already: number }> {
  const campaign = await openCampaignToBuild(campaignId, ctx);
  const files = await activeHardshipFilesIn(campaign.orgId);
  const members = await findMembersByOpenids(files.map((f) => f.openid));
  const people = members.filter((m) => m.status === 'active').map((member) => ({ member, source: 'hardship' as const }));
  return audited(campaign, await addEntries(campaign, people, ctx), ENTRY_SOURCE_LABELS.hardship, ctx);
}

/** Members of the chosen unions (their subtrees) who are 户外劳动者 (member tag) or joined as 新就业形态. */
export async function addFromMembers(
  input: CampaignsAddFromMembersInput,
  ctx: ActionContext,
): Promise<{ added: number; already: number }> {
  const campaign = await openCampaignToBuild(input.campaignId, ctx);
  const orgs = await Promise.all([...new Set(input.orgIds)].map((id) => getOrg(id)));
  for (const org of orgs) {
    if (!org) throw fail('NOT_FOUND', '所选工会不存在', { field: 'orgIds' });
    if (!org.path.includes(campaign.orgId))
      throw fail('INVALID_INPUT', `「${org.name}」不在本活动所属工会（${campaign.orgName}）范围内`, { field: 'orgIds' });
    assertCoversOrg(ctx, org.path);
  }
  const orgIds = orgs.map((o) => o!._id);
  const people: { member: MemberRecord; source: EntrySource }[] = [];
  for (const group of input.groups) {
    const members = await activeMembersIn(orgIds, group === 'outdoor' ? { tag: OUTDOOR_TAG } : { channel: 'new_employment' });
    people.push(...members.map((member) => ({ member, source: group })));
  }
  const what = input.groups.map((g) => ENTRY_SOURCE_LABELS[g]).join('、');
  return audited(campaign, await addEntries(campaign, people, ctx), what, ctx);
}

/**
 * Takes someone off the list, unless they collected: one transaction on the entry document, which a collection
 * writes too, so a removal and a collection at the same moment end with exactly one of them.
 */
export async function removeEntry(input: { campaignId: string; openid: string }, ctx: ActionContext): Promise<EntryView> {
  const campaign = await loadCampaign(input.campaignId);
  assertManages(ctx, campaign);
  const id = entryIdOf(input.campaignId, input.openid);
  const entry = await withTransaction(async (tx) => {
    const found = await tx.get<EntryRecord>(C.entries, id);
    if (!found) throw fail('NOT_FOUND', '该会员不在本次活动名单上');
    if (found.status === 'collected')
      throw errors.fail(
        'ALREADY_COLLECTED',
        `该会员已于${chinaMoment(new Date(toIso(found.collectedAt)))}在${found.stationName}领取，不能移出名单`,
      );
    if (found.status !== 'removed')
      await tx.update(C.entries, id, { status: 'removed', removedAt: ctx.now, removedBy: ctx.openid });
    return { ...found, _id: id, status: 'removed' as const };
  });
  await writeAudit({
    actor: ctx.openid,
    action: 'campaigns.removeEntry',
    target: id,
    summary: `${entry.nameMasked} · ${campaign.title}`,
    at: ctx.now,
    details: { orgId: campaign.orgId },
  });
  return toEntryView(entry);
}

/** The list as staff see it (masked names), by status; every look is audited. */
export async function listEntries(
  input: { campaignId: string; status?: EntryStatus; page?: number },
  ctx: ActionContext,
): Promise<Page<EntryView>> {
  const campaign = await loadCampaign(input.campaignId);
  assertManages(ctx, campaign);
  const where = { campaignId: input.campaignId, ...(input.status ? { status: input.status } : {}) };
  const { rows, total } = await findPage<EntryRecord>(C.entries, where, [['addedAt', 'asc']], input.page);
  await writeAudit({
    actor: ctx.openid,
    action: 'campaigns.entries',
    target: input.campaignId,
    summary: `${campaign.title} · 发放名单`,
    at: ctx.now,
    kind: 'pii_view',
  });
  return { items: rows.map(toEntryView), total };
}

export async function allEntries(campaignId: string): Promise<EntryRecord[]> {
  return findAll<EntryRecord>(C.entries, { campaignId });
}
