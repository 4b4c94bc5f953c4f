/**
 * 优惠与核销: the directory of partner merchants and 一公里服务圈 stations (nearest first, search, filters, map),
 * members' favourites and history, redemption at the counter with limits that hold under concurrency, and the
 * staff's administration (edit, suspend, bulk import, monthly statistics).
 */
import { defineAction, defineModule } from '../../action';
import { adminGet, adminList, refreshOfferTexts, savePlace, saveOffer, setStatus } from './admin';
import { MERCHANTS_COLLECTIONS } from './collections';
import { getPlace, nearby } from './directory';
import { merchantsErrors } from './errors';
import { exportStats } from './exportStats';
import { importCommit, importPreview } from './importer';
import { listFavourites, listRecent, setFavourite } from './memberPlaces';
import { checkCode, countRedemptionsToday, myRedemptions, redeem, todayAtPlace } from './redeem';
import {
  merchantsAdminGetInput,
  merchantsAdminListInput,
  merchantsCheckInput,
  merchantsExportInput,
  merchantsFavouriteInput,
  merchantsGetInput,
  merchantsImportInput,
  merchantsNearbyInput,
  merchantsPageInput,
  merchantsRedeemInput,
  merchantsSaveInput,
  merchantsSaveOfferInput,
  merchantsSetStatusInput,
  merchantsTodayInput,
} from './schemas';

const COUNTER = ['merchant'] as const;
const KEEPERS = ['staff'] as const;

export const merchantsModule = defineModule({
  area: 'merchants',
  collections: MERCHANTS_COLLECTIONS,
  orgPaths: [
    { collection: MERCHANTS_COLLECTIONS.places, field: 'orgPath' },
    { collection: MERCHANTS_COLLECTIONS.redemptions, field: 'placeOrgPath' },
  ],
  errors: merchantsErrors.codes,
  scopes: { merchant: { collection: MERCHANTS_COLLECTIONS.places, label: '商户' } },
  fieldLabels: {
    lat: '纬度',
    lng: '经度',
    kind: '类型',
    category: '类别',
    openNow: '营业中',
    sort: '排序方式',
    cursor: '分页参数',
    limit: '数量',
    placeId: '商户',
    on: '收藏',
    code: '会员码',
    ticket: '核验凭据',
    offerId: '优惠',
    placeName: '名称',
    tier: '商户等级',
    services: '服务项目',
    district: '区县',
    address: '地址',
    phone: '电话',
    intro: '简介',
    hours: '营业时间',
    photos: '图片',
    rev: '版本',
    offerTitle: '优惠内容',
    terms: '使用条款',
    validFrom: '有效期开始',
    validTo: '有效期结束',
    period: '限次周期',
    perPeriod: '每人限次',
    totalLimit: '总名额',
    fileId: '文件',
    month: '月份',
  },
  audit: {
    'merchants.check': '核销台核验会员码',
    'merchants.create': '新增商户/驿站',
    'merchants.edit': '修改商户/驿站',
    'merchants.status': '暂停或恢复商户/驿站',
    'merchants.addOffer': '新增优惠',
    'merchants.editOffer': '修改优惠',
    'merchants.offerStatus': '暂停或恢复优惠',
    'merchants.import': '批量导入商户/驿站',
    'merchants.export': '导出优惠核销统计',
  },
  cron: { refreshOfferTexts },
  workbench: { redemptionsToday: countRedemptionsToday },
  actions: {
    'merchants.nearby': defineAction({ input: merchantsNearbyInput, roles: 'any', handler: nearby }),
    'merchants.get': defineAction({ input: merchantsGetInput, roles: 'any', handler: getPlace }),
    'merchants.favourite': defineAction({
      input: merchantsFavouriteInput,
      roles: 'any',
      handler: (input, ctx) => setFavourite(input.placeId, input.on, ctx),
    }),
    'merchants.favourites': defineAction({
      input: merchantsPageInput,
      roles: 'any',
      handler: (input, ctx) => listFavourites(input.page, ctx),
    }),
    'merchants.recent': defineAction({
      input: merchantsPageInput,
      roles: 'any',
      handler: (input, ctx) => listRecent(input.page, ctx),
    }),
    'merchants.myRedemptions': defineAction({
      input: merchantsPageInput,
      roles: 'any',
      handler: (input, ctx) => myRedemptions(input.page, ctx),
    }),
    'merchants.check': defineAction({ input: merchantsCheckInput, roles: COUNTER, handler: checkCode }),
    'merchants.redeem': defineAction({ input: merchantsRedeemInput, roles: COUNTER, handler: redeem }),
    'merchants.today': defineAction({ input: merchantsTodayInput, roles: COUNTER, handler: todayAtPlace }),
    'merchants.adminList': defineAction({ input: merchantsAdminListInput, roles: KEEPERS, handler: adminList }),
    'merchants.adminGet': defineAction({
      input: merchantsAdminGetInput,
      roles: KEEPERS,
      handler: (input, ctx) => adminGet(input.placeId, ctx),
    }),
    'merchants.save': defineAction({ input: merchantsSaveInput, roles: KEEPERS, handler: savePlace }),
    'merchants.saveOffer': defineAction({ input: merchantsSaveOfferInput, roles: KEEPERS, handler: saveOffer }),
    'merchants.setStatus': defineAction({ input: merchantsSetStatusInput, roles: KEEPERS, handler: setStatus }),
    'merchants.importPreview': defineAction({ input: merchantsImportInput, roles: KEEPERS, handler: importPreview }),
    'merchants.importCommit': defineAction({ input: merchantsImportInput, roles: KEEPERS, handler: importCommit }),
    'merchants.exportStats': defineAction({
      input: merchantsExportInput,
      roles: KEEPERS,
      handler: (input, ctx) => exportStats(input.month, ctx),
    }),
  },
});
