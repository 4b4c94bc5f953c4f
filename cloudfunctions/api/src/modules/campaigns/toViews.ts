import { toIso } from '../../lib/time';
import { CAMPAIGN_KIND_LABELS, CAMPAIGN_STATUS_LABELS, ENTRY_SOURCE_LABELS, ENTRY_STATUS_LABELS } from '../../rules/campaigns';
import type { CampaignRecord, EntryRecord } from './records';
import type { CampaignView, EntryView, MyCampaignView } from './views';

export function toCampaignView(c: CampaignRecord, canManage: boolean): CampaignView {
  return {
    _id: c._id,
    kind: c.kind,
    kindLabel: CAMPAIGN_KIND_LABELS[c.kind],
    title: c.title,
    gift: c.gift,
    startDate: c.startDate,
    endDate: c.endDate,
    stations: c.stations,
    orgId: c.orgId,
    orgName: c.orgName,
    status: c.status,
    statusLabel: CAMPAIGN_STATUS_LABELS[c.status],
    collectedCount: c.collectedCount,
    canManage,
  };
}

export function toEntryView(e: EntryRecord): EntryView {
  return {
    openid: e.openid,
    nameMasked: e.nameMasked,
    orgName: e.orgName,
    sourceLabels: e.sources.map((s) => ENTRY_SOURCE_LABELS[s]),
    status: e.status,
    statusLabel: ENTRY_STATUS_LABELS[e.status],
    ...(e.collectedAt ? { collectedAt: toIso(e.collectedAt), stationName: e.stationName } : {}),
  };
}

export function toMyView(e: EntryRecord, c: CampaignRecord | undefined): MyCampaignView {
  return {
    campaignId: e.campaignId,
    title: e.campaignTitle,
    kindLabel: CAMPAIGN_KIND_LABELS[e.kind],
    gift: e.gift,
    startDate: c?.startDate ?? '',
    endDate: e.endDate,
    stations: c?.stations ?? [],
    status: e.status,
    statusLabel: ENTRY_STATUS_LABELS[e.status],
    ...(e.collectedAt ? { collectedAt: toIso(e.collectedAt), stationName: e.stationName } : {}),
  };
}
