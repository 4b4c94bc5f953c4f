/** Valid example inputs of the area's actions, for the hostile-input test (see ../../examples.ts). */
import type { AreaExamples } from '../../examples';

export const examples: AreaExamples<'merchants'> = {
  inputs: {
    'merchants.nearby': { lat: 31.78, lng: 119.98 },
    'merchants.get': { placeId: 'merchant-01' },
    'merchants.favourite': { placeId: 'merchant-01', on: true },
    'merchants.favourites': { page: 1 },
    'merchants.recent': { page: 1 },
    'merchants.myRedemptions': { page: 1 },
    'merchants.check': { code: 'abc.def' },
    'merchants.redeem': { ticket: 'abc.def', offerId: 'merchant-01-o1' },
    'merchants.today': { page: 1 },
    'merchants.adminList': { page: 1 },
    'merchants.adminGet': { placeId: 'merchant-01' },
    'merchants.save': {
      kind: 'merchant',
      placeName: '测试面馆',
      category: '餐饮',
      district: '天宁区',
      address: '常州市天宁区测试路1号',
      phone: '0519-88880000',
      lat: 31.78,
      lng: 119.98,
      hours: '24小时',
      orgId: 'org-cz',
    },
    'merchants.saveOffer': {
      placeId: 'merchant-01',
      offerTitle: '会员凭卡9折',
      terms: '每人每日限1次',
      validFrom: '2026-01-01',
      validTo: '2099-12-31',
      period: 'day',
      perPeriod: 1,
    },
    'merchants.setStatus': { placeId: 'merchant-01', status: 'active' },
    'merchants.importPreview': { fileId: 'cloud://test-env.x/uploads/demo-admin/a.csv', orgId: 'org-cz' },
    'merchants.importCommit': { fileId: 'cloud://test-env.x/uploads/demo-admin/a.csv', orgId: 'org-cz' },
    'merchants.exportStats': { month: '2026-11' },
  },
};
