import { toForm, toSaveInput } from '../../../src/packages/settings/form';
import { DEMO_SETTINGS as DEMO } from '../../../cloudfunctions/api/fixtures/settings/demo';

/** The demo union's settings as settings.get answers them. */
const DEMO_SETTINGS = { ...DEMO, version: 1, updatedAt: null };

describe('系统设置 form: districts and their centres', () => {
  it('shows each district with its centre and gives them back as settings.save takes them', () => {
    const form = toForm(DEMO_SETTINGS);
    expect(form.districts.split('\n')[3]).toBe('武进区 31.705 119.945');
    const { input, errors } = toSaveInput(form, 4);
    expect(errors).toEqual({});
    expect(input?.union.districts).toEqual(DEMO_SETTINGS.union.districts);
    expect(input?.union.districtCenters).toEqual(DEMO_SETTINGS.union.districtCenters);
  });

  it('takes a district without a centre, and names the line whose centre is malformed', () => {
    const form = { ...toForm(DEMO_SETTINGS), districts: '龙城区\n东湖区 31.7 abc' };
    expect(toSaveInput(form, 1)).toEqual({ errors: { districts: '「东湖区」的中心应写作：名称 纬度 经度，如 武进区 31.705 119.945' } });
    const ok = toSaveInput({ ...form, districts: '龙城区、东湖区 31.7 119.9' }, 1);
    expect(ok.input?.union).toMatchObject({
      districts: ['龙城区', '东湖区'],
      districtCenters: { 东湖区: { latitude: 31.7, longitude: 119.9 } },
    });
  });
});
