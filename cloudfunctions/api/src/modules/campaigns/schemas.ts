import { z } from 'zod';
import { allDistinct, dayField, openidField, pageField, recordId } from '../../lib/schemaParts';
import { CAMPAIGN_KINDS, CAMPAIGN_STATUSES, ENTRY_STATUSES, MEMBER_GROUPS } from '../../rules/campaigns';
import { cardCodeField } from '../merchants/schemas';

const text = (label: string, max: number, min = 1) =>
  z.string().trim().min(min, `请填写${label}`).max(max, `${label}不超过${max}个字`);

const station = z.strictObject({ name: text('领取点名称', 40), address: text('领取点地址', 80) });

export const campaignsCreateInput = z.strictObject({
  /** The union running the campaign (in the caller's scope). */
  orgId: recordId,
  kind: z.enum(CAMPAIGN_KINDS, { error: '请选择活动类型' }),
  title: text('活动名称', 40, 2),
  gift: text('慰问内容', 60),
  startDate: dayField(),
  endDate: dayField(),
  stations: z
    .array(station)
    .min(1, '请至少添加一个领取点')
    .max(20, '领取点不超过20个')
    // Two stations of one name: the member and the 「已在…领取」 refusal could not tell them apart.
    .refine((list) => allDistinct(list, (s) => s.name), '领取点名称重复，请修改或删除重复的领取点'),
});
export type CampaignsCreateInput = z.infer<typeof campaignsCreateInput>;

export const campaignIdInput = z.strictObject({ campaignId: recordId });
export const campaignsListInput = z.strictObject({ status: z.enum(CAMPAIGN_STATUSES).optional(), page: pageField });
export const campaignsEntriesInput = z.strictObject({
  campaignId: recordId,
  status: z.enum(ENTRY_STATUSES).optional(),
  page: pageField,
});

export const campaignsAddFromMembersInput = z.strictObject({
  campaignId: recordId,
  /** Unions whose members (in their subtrees) are looked at; each must lie in the campaign's union and the caller's scope. */
  orgIds: z
    .array(recordId)
    .min(1, '请选择工会')
    .max(20, '一次最多选择20个工会')
    .refine((list) => allDistinct(list), '工会重复'),
  groups: z
    .array(z.enum(MEMBER_GROUPS, { error: '请选择人群' }))
    .min(1, '请选择人群')
    .max(MEMBER_GROUPS.length)
    .refine((list) => allDistinct(list), '人群重复'),
});
export type CampaignsAddFromMembersInput = z.infer<typeof campaignsAddFromMembersInput>;

export const campaignsRemoveEntryInput = z.strictObject({ campaignId: recordId, openid: openidField });

export const campaignsCheckInput = z.strictObject({ campaignId: recordId, stationId: recordId, code: cardCodeField });
export type CampaignsCheckInput = z.infer<typeof campaignsCheckInput>;

export const campaignsCollectInput = z.strictObject({
  ticket: z
    .string()
    .min(1)
    .max(600)
    .regex(/^[A-Za-z0-9_.-]+$/, '核验凭据无效，请重新扫码'),
});

export const campaignsMineInput = z.strictObject({});
