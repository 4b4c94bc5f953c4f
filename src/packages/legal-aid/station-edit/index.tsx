import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { STATION_SERVICE_LABELS, STATION_SERVICES, type StationService } from '@rules/legalAid';
import { call } from '../../../api/client';
import type { Org } from '../../../api/types';
import { Button } from '../../../components/Button';
import { Field, FieldFrame, PickerField } from '../../../components/Field';
import { OrgPicker } from '../../../components/OrgPicker/OrgPicker';
import { PageShell } from '../../../components/PageShell';
import { StateView } from '../../../components/StateView';
import { useAction } from '../../../hooks/useAction';
import { useRemote } from '../../../hooks/useRemote';
import { orgScopesOf, useSession } from '../../../stores/session';
import { useSettings } from '../../../stores/settings';
import { goBack } from '../../../utils/nav';
import { formOf, newForm, newRequestId, stationOrgId, toStationInput, type StationForm } from './form';
import './index.scss';

type TextKey = 'name' | 'address' | 'latitude' | 'longitude' | 'hours' | 'phone';

/** Server field → the form key its message is shown under. */
const FIELD_KEYS: Record<string, string> = { location: 'location', orgId: 'orgId', requestId: 'name' };

/**
 * 新建/编辑法律援助站 (union staff, administrators): name, address, map point (starts at the union's map centre from
 * settings), hours, services, phone and the managing union, picked from the unions the staffer manages. The form
 * sends one request id, so a double tap creates one station. Test ids: `station-<field>` (inputs),
 * `station-service-<key>`, `station-org` (opens the union picker), `station-save`.
 */
export default function StationEdit() {
  const { params } = useRouter();
  const stationId = params.stationId ? decodeURIComponent(params.stationId) : undefined;
  const { session } = useSession();
  const settings = useSettings();
  const centre = settings?.union.mapCenter;
  const data = useRemote(async () => {
    const [tree, stations] = await Promise.all([call('org.tree', {}), stationId ? call('legalAid.stations', {}) : null]);
    return { orgs: tree.orgs as Org[], station: stations?.items.find((s) => s._id === stationId) ?? null };
  });
  const act = useAction();
  const [requestId] = useState(newRequestId);
  const [form, setForm] = useState<StationForm | null>(null);
  const [picking, setPicking] = useState(false);

  // The form once its data is there: the stored station, or an empty one at the union's map centre.
  if (!form && data.data && (stationId ? data.data.station : true)) {
    const s = data.data.station;
    setForm(s ? formOf(s, data.data.orgs.find((o) => o._id === stationOrgId(s))?.name) : newForm(centre));
  }
  // The settings may arrive after the form: an untouched empty map point takes the union's centre.
  if (form && !stationId && centre && form.latitude === '' && form.longitude === '') {
    setForm({ ...form, latitude: String(centre.latitude), longitude: String(centre.longitude) });
  }

  const edit = (key: TextKey, value: string) => {
    setForm((f) => (f ? { ...f, [key]: value } : f));
    act.clearField(key === 'latitude' || key === 'longitude' ? 'location' : key);
  };
  const toggle = (service: StationService) => {
    setForm((f) =>
      f
        ? {
            ...f,
            services: f.services.includes(service)
              ? f.services.filter((s) => s !== service)
              : STATION_SERVICES.filter((s) => s === service || f.services.includes(s)),
          }
        : f,
    );
    act.clearField('services');
  };

  const save = () => {
    if (!form) return;
    const { input, errors } = toStationInput(form, { stationId, requestId });
    if (!input) return act.setFieldErrors(errors);
    void act.run(() => call('legalAid.saveStation', input), {
      success: stationId ? '已保存' : '已新建',
      failTitle: '未能保存法律援助站',
      fieldKey: (f) => FIELD_KEYS[f] ?? f,
      onDone: () => setTimeout(goBack, 600),
    });
  };

  const text = (label: string, key: TextKey, max: number, placeholder: string, errorKey: string = key) =>
    form && (
      <Field
        label={label}
        name={`station-${key}`}
        testId={`station-${key}`}
        value={form[key]}
        maxlength={max}
        placeholder={placeholder}
        error={errorKey === key ? act.fieldErrors[key] : undefined}
        onInput={(v) => edit(key, v)}
      />
    );

  const missing = !!stationId && !!data.data && !data.data.station;
  return (
    <PageShell className='la-station-edit' page='legalAidStationEdit'>
      <StateView remote={data} loading={data.loading && !data.data} empty={missing} emptyText='该法律援助站不存在或已被删除'>
        {form && (
          <>
            <View className='section'>
              <Text className='section-title'>{stationId ? '编辑法律援助站' : '新建法律援助站'}</Text>
              {text('站点名称', 'name', 40, '如：某某区职工法律援助站')}
              {text('地址', 'address', 80, '街道、门牌号和楼层')}
              {text('接待时间', 'hours', 60, '如：周一至周五 9:00–17:00')}
              {text('联系电话', 'phone', 20, '如：0519-8860 1235')}
              <FieldFrame label='服务项目' error={act.fieldErrors.services}>
                <View className='la-chips'>
                  {STATION_SERVICES.map((k) => (
                    <View
                      key={k}
                      className={`la-chip ${form.services.includes(k) ? 'la-chip-on' : ''}`}
                      data-testid={`station-service-${k}`}
                      onClick={() => toggle(k)}
                    >
                      {STATION_SERVICE_LABELS[k]}
                    </View>
                  ))}
                </View>
              </FieldFrame>
              <PickerField
                label='主管工会'
                name='station-org'
                testId='station-org'
                value={form.org?.name ?? ''}
                placeholder='请选择主管工会'
                error={act.fieldErrors.orgId}
                onOpen={() => setPicking(true)}
              />
            </View>
            <View className='section'>
              <Text className='section-title'>地图位置</Text>
              <Text className='muted'>会员点「地图」时从这里打开（微信地图坐标 GCJ-02）；新建时默认为本工会设置的地图中心。</Text>
              {text('纬度', 'latitude', 12, '如 31.78', 'location')}
              {text('经度', 'longitude', 12, '如 119.97', 'location')}
              {act.fieldErrors.location && (
                <Text className='la-error' data-testid='station-location-error'>
                  {act.fieldErrors.location}
                </Text>
              )}
            </View>
            <View style={{ margin: '0 24px 48px' }}>
              <Button block testId='station-save' loading={act.busy} onClick={save}>
                {stationId ? '保存' : '新建法律援助站'}
              </Button>
            </View>
          </>
        )}
      </StateView>
      {picking && data.data && (
        <OrgPicker
          orgs={data.data.orgs}
          filter={{ purpose: 'any', within: orgScopesOf(session) }}
          title='选择主管工会'
          onSelect={(o) => {
            setForm((f) => (f ? { ...f, org: { id: o._id, name: o.name } } : f));
            act.clearField('orgId');
            setPicking(false);
          }}
          onClose={() => setPicking(false)}
        />
      )}
    </PageShell>
  );
}
