import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { DEFAULT_CANCEL_BEFORE_HOURS, SESSION_MINUTES, type OpenHours } from '@rules/counselling';
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
import { goBack } from '../../../utils/nav';
import { Hotlines } from '../components/Hotlines';
import { NEW_HOURS, RoomHours } from './RoomHours';
import '../counselling.scss';
import { newRequestId } from '../../../utils/requestId';

interface Form {
  name: string;
  address: string;
  phone: string;
  org: { id: string; name: string } | null;
  hours: OpenHours[];
  sessionMinutes: number;
  cancelBeforeHours: string;
}

/**
 * 新建/编辑心理咨询室 (union staff of the room's union or above): name, address, phone, managing union, weekly
 * open hours, session length and how long before a session members may cancel. Saving makes the sessions for
 * the next four weeks. The hours are in RoomHours. Test ids `room-<field>`, `room-minutes-<m>`, `room-org`,
 * `room-save`.
 */
export default function RoomEdit() {
  const { params } = useRouter();
  const roomId = params.roomId ? decodeURIComponent(params.roomId) : undefined;
  const { session } = useSession();
  const data = useRemote(async () => {
    const [tree, rooms] = await Promise.all([call('org.tree', {}), call('counselling.rooms', {})]);
    return { orgs: tree.orgs as Org[], room: rooms.items.find((r) => r._id === roomId) ?? null };
  });
  const act = useAction();
  const [requestId] = useState(newRequestId);
  const [form, setForm] = useState<Form | null>(null);
  const [picking, setPicking] = useState(false);
  if (!form && data.data) {
    const r = data.data.room;
    const orgName = r ? (data.data.orgs.find((o) => o._id === r.orgId)?.name ?? r.orgId) : '';
    setForm(
      r
        ? {
            name: r.name,
            address: r.address,
            phone: r.phone,
            org: { id: r.orgId, name: orgName },
            hours: r.hours,
            sessionMinutes: r.sessionMinutes,
            cancelBeforeHours: String(r.cancelBeforeHours),
          }
        : {
            name: '',
            address: '',
            phone: '',
            org: null,
            hours: [NEW_HOURS],
            sessionMinutes: 50,
            cancelBeforeHours: String(DEFAULT_CANCEL_BEFORE_HOURS),
          },
    );
  }
  const set = (patch: Partial<Form>) => setForm((f) => (f ? { ...f, ...patch } : f));
  const setHours = (i: number, patch: Partial<OpenHours>) => {
    if (!form) return;
    set({ hours: form.hours.map((h, j) => (j === i ? { ...h, ...patch } : h)) });
    act.clearField('hours');
  };
  const save = () => {
    if (!form) return;
    if (!form.org) return act.setFieldErrors({ orgId: '请选择主管工会' });
    void act.run(
      () =>
        call('counselling.saveRoom', {
          ...(roomId ? { roomId } : { requestId }),
          name: form.name,
          address: form.address,
          phone: form.phone,
          orgId: form.org!.id,
          hours: form.hours,
          sessionMinutes: form.sessionMinutes,
          cancelBeforeHours: Number(form.cancelBeforeHours),
          closures: data.data?.room?.closures ?? [],
        }),
      { success: roomId ? '已保存' : '已新建', failTitle: '未能保存咨询室', onDone: () => setTimeout(goBack, 600) },
    );
  };
  const text = (label: string, key: 'name' | 'address' | 'phone', max: number, placeholder: string) =>
    form && (
      <Field
        label={label}
        name={`room-${key}`}
        testId={`room-${key}`}
        value={form[key]}
        maxlength={max}
        placeholder={placeholder}
        error={act.fieldErrors[key]}
        onInput={(v) => {
          set({ [key]: v });
          act.clearField(key);
        }}
      />
    );
  return (
    <PageShell className='cs-room-edit' page='counsellingRoomEdit'>
      <Hotlines />
      <StateView remote={data} loading={data.loading && !data.data}>
        {form && data.data && (
          <>
            <View className='cs-card'>
              <Text className='cs-title'>{roomId ? '编辑心理咨询室' : '新建心理咨询室'}</Text>
              {text('名称', 'name', 40, '如：某某区职工心理咨询室')}
              {text('地址', 'address', 80, '街道、门牌号和楼层')}
              {text('联系电话', 'phone', 20, '如：0519-8631 2356')}
              <PickerField
                label='主管工会'
                name='room-org'
                testId='room-org'
                value={form.org?.name ?? ''}
                placeholder='请选择主管工会'
                error={act.fieldErrors.orgId}
                onOpen={() => setPicking(true)}
              />
            </View>
            <View className='cs-card'>
              <RoomHours
                hours={form.hours}
                error={act.fieldErrors.hours}
                onEdit={setHours}
                onChange={(hours) => set({ hours })}
              />
              <FieldFrame label='每次咨询时长' error={act.fieldErrors.sessionMinutes}>
                <View className='cs-chips'>
                  {SESSION_MINUTES.map((m) => (
                    <View
                      key={m}
                      className={`cs-chip ${form.sessionMinutes === m ? 'cs-chip-on' : ''}`}
                      data-testid={`room-minutes-${m}`}
                      onClick={() => set({ sessionMinutes: m })}
                    >
                      {`${m}分钟`}
                    </View>
                  ))}
                </View>
              </FieldFrame>
              <Field
                label='会员可在线取消的时限（开始前多少小时）'
                name='room-cancel-hours'
                testId='room-cancelBeforeHours'
                type='number'
                value={form.cancelBeforeHours}
                maxlength={2}
                error={act.fieldErrors.cancelBeforeHours}
                onInput={(v) => set({ cancelBeforeHours: v })}
              />
            </View>
            <View style={{ margin: '0 24px 48px' }}>
              <Button block testId='room-save' loading={act.busy} onClick={save}>
                {roomId ? '保存' : '新建咨询室'}
              </Button>
            </View>
            {picking && (
              <OrgPicker
                orgs={data.data.orgs}
                filter={{ purpose: 'any', within: orgScopesOf(session) }}
                title='选择主管工会'
                onSelect={(o) => {
                  set({ org: { id: o._id, name: o.name } });
                  act.clearField('orgId');
                  setPicking(false);
                }}
                onClose={() => setPicking(false)}
              />
            )}
          </>
        )}
      </StateView>
    </PageShell>
  );
}
