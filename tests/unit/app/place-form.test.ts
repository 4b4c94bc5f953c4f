import { EMPTY_FORM, offerFieldKey, placeFieldKey, saveInputOf } from '../../../src/packages/merchants/edit/placeForm';

const typed = {
  ...EMPTY_FORM,
  placeName: '龙城书局',
  address: '常州市南大街1号',
  phone: '0519-86660000',
  lat: '31.78',
  lng: '119.95',
};

describe('the place editor form', () => {
  test('asks for the managing union and numeric coordinates before anything is sent', () => {
    const checked = saveInputOf({ ...typed, lat: 'abc', lng: '' }, {});
    expect(checked).toEqual({
      errors: {
        orgId: '请选择管理单位',
        lat: '请填写经纬度（数字，如 31.781 / 119.980）',
        lng: '请填写经纬度（数字，如 31.781 / 119.980）',
      },
    });
  });

  test('a merchant sends category and tier, a station its services; an edit sends its revision', () => {
    const merchant = saveInputOf(typed, { orgId: 'org-cz' });
    expect(merchant).toEqual({
      input: expect.objectContaining({
        kind: 'merchant',
        category: '餐饮',
        tier: '普惠商户',
        lat: 31.78,
        lng: 119.95,
        orgId: 'org-cz',
      }),
    });
    expect('input' in merchant && 'services' in merchant.input).toBe(false);
    const station = saveInputOf({ ...typed, kind: 'station' }, { orgId: 'org-cz', placeId: 'p1', rev: 3 });
    expect(station).toEqual({
      input: expect.objectContaining({ placeId: 'p1', rev: 3, kind: 'station', services: EMPTY_FORM.services }),
    });
    expect('input' in station && 'category' in station.input).toBe(false);
  });

  test('a refused field lands under the input that shows it, else nowhere (the dialog explains it)', () => {
    expect(placeFieldKey('phone')).toBe('phone');
    expect(placeFieldKey('orgId')).toBe('orgId');
    expect(placeFieldKey('photos')).toBeUndefined();
    expect(offerFieldKey('validTo')).toBe('offer.dates');
    expect(offerFieldKey('perPeriod')).toBe('offer.limit');
    expect(offerFieldKey('placeId')).toBeUndefined();
  });
});
