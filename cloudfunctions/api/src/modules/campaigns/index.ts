/**
 * 送温暖 / 送清凉 (免申即享): staff of a union create a campaign (what each person gets, the window, the stations),
 * build its list from the 困难职工档案 and from members flagged 户外劳动者 / joined as 新就业形态, and hand out at
 * a station against the member's card code, once. Members see what waits for them in 消息与待办; nobody applies.
 */
import { defineAction, defineModule } from '../../action';
import { closeCampaign, createCampaign, getCampaign, listCampaigns, sweepClosedCampaigns } from './campaigns';
import { checkCode, collect } from './collect';
import { CAMPAIGNS_COLLECTIONS } from './collections';
import { campaignsErrors } from './errors';
import { exportEntries } from './exportEntries';
import { addFromHardship, addFromMembers, listEntries, removeEntry } from './lists';
import { campaignsInbox, myCampaigns } from './mine';
import * as s from './schemas';

const STAFF = ['staff', 'admin'] as const;

export const campaignsModule = defineModule({
  area: 'campaigns',
  collections: CAMPAIGNS_COLLECTIONS,
  errors: campaignsErrors.codes,
  orgPaths: [
    { collection: CAMPAIGNS_COLLECTIONS.campaigns, field: 'orgPath' },
    { collection: CAMPAIGNS_COLLECTIONS.entries, field: 'orgPath' },
  ],
  fieldLabels: {
    campaignId: '活动编号',
    kind: '活动类型',
    title: '活动名称',
    gift: '慰问内容',
    startDate: '领取开始日期',
    endDate: '领取截止日期',
    stations: '领取点',
    address: '领取点地址',
    orgIds: '工会',
    groups: '人群',
    stationId: '领取点',
    code: '会员码',
    ticket: '核验凭据',
  },
  audit: {
    'campaigns.create': '新建送温暖/送清凉活动',
    'campaigns.addList': '生成发放名单',
    'campaigns.removeEntry': '移出发放名单',
    'campaigns.entries': '查看发放名单',
    'campaigns.check': '领取点核验会员码',
    'campaigns.collect': '登记慰问品领取',
    'campaigns.close': '结束送温暖/送清凉活动',
    'campaigns.export': '导出发放名单',
  },
  engine: { memberTags: { outdoor: '户外劳动者' } },
  inbox: campaignsInbox,
  cron: { campaignsSweep: () => sweepClosedCampaigns() },
  actions: {
    'campaigns.create': defineAction({ input: s.campaignsCreateInput, roles: STAFF, handler: createCampaign }),
    'campaigns.list': defineAction({ input: s.campaignsListInput, roles: STAFF, handler: listCampaigns }),
    'campaigns.get': defineAction({
      input: s.campaignIdInput,
      roles: STAFF,
      handler: (i, ctx) => getCampaign(i.campaignId, ctx),
    }),
    'campaigns.entries': defineAction({ input: s.campaignsEntriesInput, roles: STAFF, handler: listEntries }),
    'campaigns.addFromHardship': defineAction({
      input: s.campaignIdInput,
      roles: STAFF,
      handler: (i, ctx) => addFromHardship(i.campaignId, ctx),
    }),
    'campaigns.addFromMembers': defineAction({ input: s.campaignsAddFromMembersInput, roles: STAFF, handler: addFromMembers }),
    'campaigns.removeEntry': defineAction({ input: s.campaignsRemoveEntryInput, roles: STAFF, handler: removeEntry }),
    'campaigns.close': defineAction({
      input: s.campaignIdInput,
      roles: STAFF,
      handler: (i, ctx) => closeCampaign(i.campaignId, ctx),
    }),
    'campaigns.export': defineAction({
      input: s.campaignIdInput,
      roles: STAFF,
      handler: (i, ctx) => exportEntries(i.campaignId, ctx),
    }),
    'campaigns.check': defineAction({ input: s.campaignsCheckInput, roles: STAFF, handler: checkCode }),
    'campaigns.collect': defineAction({ input: s.campaignsCollectInput, roles: STAFF, handler: collect }),
    'campaigns.mine': defineAction({ input: s.campaignsMineInput, roles: 'any', handler: (_i, ctx) => myCampaigns(ctx) }),
  },
});
