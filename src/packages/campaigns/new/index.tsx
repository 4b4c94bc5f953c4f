import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { CAMPAIGN_KIND_LABELS, type CampaignKind } from '@rules/campaigns';
import { call } from '../../../api/client';
import type { Org } from '../../../api/types';
import { Button } from '../../../components/Button';
import { Field, FieldFrame } from '../../../components/Field';
import { OrgPicker } from '../../../components/OrgPicker/OrgPicker';
import { PageShell } from '../../../components/PageShell';
import { useAction } from '../../../hooks/useAction';
import { todayIso } from '../../../utils/format';
import { ROUTES, replaceWith } from '../../../utils/nav';
import { useManagingOrgs, type OrgChoice } from '../../merchants/managingOrg';
import { Choices } from '../../../components/Choices';
import './index.scss';

const KINDS = (Object.keys(CAMPAIGN_KIND_LABELS) as CampaignKind[]).map((key) => ({ key, label: CAMPAIGN_KIND_LABELS[key] }));
const inDays = (days: number) => todayIso(new Date(Date.now() + days * 86400_000));

interface StationForm {
  name: string;
  address: string;
}

/**
 * 新建慰问活动: the union, the kind, what each person gets, the collection window and the stations. Then the
 * list is built on the campaign's page. Test ids: `campaigns-new-kind-<kind>`, `campaigns-new-title`,
 * `campaigns-new-gift`, `campaigns-new-start`, `campaigns-new-end`, `campaigns-new-station-<i>-name|address`,
 * `campaigns-new-station-add`, `campaigns-new-org`, `campaigns-new-save`.
 */
export default function NewCampaign() {
  const managing = useManagingOrgs();
  const act = useAction();
  const [org, setOrg] = useState<OrgChoice | null>(null);
  const [picking, setPicking] = useState(false);
  const [kind, setKind] = useState<CampaignKind>('summer');
  const [title, setTitle] = useState('');
  const [gift, setGift] = useState('');
  const [startDate, setStart] = useState(todayIso());
  const [endDate, setEnd] = useState(inDays(14));
  const [stations, setStations] = useState<StationForm[]>([{ name: '', address: '' }]);
  const chosen = org ?? managing.fallback;

  const setStation = (i: number, patch: Partial<StationForm>) =>
    setStations(stations.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const save = () => {
    if (!chosen) return act.setFieldErrors({ orgId: '请选择主办工会' });
    void act.run(
      () =>
        call('campaigns.create', {
          orgId: chosen.id,
          kind,
          title: title.trim(),
          gift: gift.trim(),
          startDate: startDate.trim(),
          endDate: endDate.trim(),
          stations: stations.map((s) => ({ name: s.name.trim(), address: s.address.trim() })),
        }),
      {
        success: '已创建',
        failTitle: '未能创建',
        fieldKey: (f) => (['orgId', 'title', 'gift', 'startDate', 'endDate', 'stations'].includes(f) ? f : undefined),
        onDone: (c) => replaceWith(`${ROUTES.campaignsDetail}?id=${encodeURIComponent(c._id)}`),
      },
    );
  };

  return (
    <PageShell className='cp-new' page='campaignsNew'>
      <View className='cp-card'>
        <FieldFrame label='主办工会' error={act.fieldErrors.orgId} testId='campaigns-new-org'>
          <View onClick={() => setPicking(true)}>
            <Text>{chosen?.name || (managing.ready ? '请选择' : '加载中…')}</Text>
          </View>
        </FieldFrame>
        <FieldFrame label='活动类型'>
          <Choices options={KINDS} value={kind} testId='campaigns-new-kind' onChange={setKind} />
        </FieldFrame>
        <Field
          label='活动名称'
          name='cp-title'
          testId='campaigns-new-title'
          value={title}
          error={act.fieldErrors.title}
          maxlength={40}
          placeholder='如：2026年夏送清凉'
          onInput={setTitle}
        />
        <Field
          label='每人慰问内容'
          name='cp-gift'
          testId='campaigns-new-gift'
          value={gift}
          error={act.fieldErrors.gift}
          maxlength={60}
          placeholder='如：防暑降温用品一份；慰问金500元'
          onInput={setGift}
        />
        <Field
          label='领取开始日期'
          name='cp-start'
          testId='campaigns-new-start'
          value={startDate}
          error={act.fieldErrors.startDate}
          placeholder='YYYY-MM-DD'
          onInput={setStart}
        />
        <Field
          label='领取截止日期'
          name='cp-end'
          testId='campaigns-new-end'
          value={endDate}
          error={act.fieldErrors.endDate}
          placeholder='YYYY-MM-DD'
          onInput={setEnd}
        />
      </View>
      <View className='cp-card'>
        <Text className='cp-title'>领取点</Text>
        {stations.map((s, i) => (
          <View key={i}>
            <Field
              label={`领取点${i + 1}名称`}
              name='cp-station-name'
              testId={`campaigns-new-station-${i}-name`}
              value={s.name}
              maxlength={40}
              placeholder='如：区总工会服务大厅、户外劳动者驿站'
              onInput={(v) => setStation(i, { name: v })}
            />
            <Field
              label='地址'
              name='cp-station-address'
              testId={`campaigns-new-station-${i}-address`}
              value={s.address}
              maxlength={80}
              onInput={(v) => setStation(i, { address: v })}
            />
          </View>
        ))}
        {act.fieldErrors.stations && <Text className='field-error'>{act.fieldErrors.stations}</Text>}
        {stations.length < 20 && (
          <Button
            small
            kind='plain'
            testId='campaigns-new-station-add'
            onClick={() => setStations([...stations, { name: '', address: '' }])}
          >
            添加领取点
          </Button>
        )}
      </View>
      <View className='cp-card'>
        <Button block testId='campaigns-new-save' loading={act.busy} loadingText='创建中…' onClick={save}>
          创建活动
        </Button>
      </View>
      {picking && (
        <OrgPicker
          orgs={managing.orgs}
          filter={{ purpose: 'any', within: managing.within }}
          title='选择主办工会'
          onClose={() => setPicking(false)}
          onSelect={(o: Org) => {
            setOrg({ id: o._id, name: o.name });
            setPicking(false);
          }}
        />
      )}
    </PageShell>
  );
}
