import { useMemo, useState } from 'react';
import { Picker, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { ApiError, call, errorMessage } from '../../../../api/client';
import type { OutputOf } from '../../../../api/types';
import { Button } from '../../../../components/Button';
import { PageShell } from '../../../../components/PageShell';
import { StateView } from '../../../../components/StateView';
import { useRemote } from '../../../../hooks/useRemote';
import { orgScopesOf, useSession } from '../../../../stores/session';
import { ROUTES } from '../../../../utils/nav';
import type { EventDetail } from '../../types';
import { emptyForm, formOf, toSaveInput, type EventForm } from './form';
import { Line, One, When } from '../../inputs';
import '../../matchmaking.scss';
import './index.scss';

type Org = OutputOf<'org.tree'>['orgs'][number];
const YES_NO = [
  { key: 'yes', label: '是' },
  { key: 'no', label: '否' },
] as const;

/** Create or edit an event (staff of the organising union). e2e hooks `.mm-edit-<field> input`, `.mm-save-event`. */
export default function EditEvent() {
  const { params } = useRouter();
  const id = params.id;
  const { session } = useSession();
  const remote = useRemote(async () => {
    const [tree, page] = await Promise.all([call('org.tree', {}), id ? call('matchmaking.get', { activityId: id }) : null]);
    return { orgs: tree.orgs, event: page?.event ?? null };
  });
  const scopes = orgScopesOf(session);
  const orgs = remote.data?.orgs.filter((o) => scopes === null || o.path.some((p) => scopes.includes(p))) ?? [];
  return (
    <PageShell className='mm-edit' page='matchmakingEdit'>
      <StateView
        loading={(remote.loading && !remote.data) || !session}
        error={remote.error}
        errorCode={remote.errorCode}
        onRetry={remote.reload}
      >
        {remote.data && session && <Editor id={id} orgs={orgs} event={remote.data.event} />}
      </StateView>
    </PageShell>
  );
}

function Editor({ id, orgs, event }: { id?: string; orgs: Org[]; event: EventDetail | null }) {
  const [form, setForm] = useState<EventForm>(() => (event ? formOf(event) : emptyForm(orgs[0]?._id ?? '')));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const orgIndex = useMemo(
    () =>
      Math.max(
        0,
        orgs.findIndex((o) => o._id === form.orgId),
      ),
    [orgs, form.orgId],
  );
  const set = <K extends keyof EventForm>(key: K, value: EventForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setErrors((e) => (key in e ? Object.fromEntries(Object.entries(e).filter(([k]) => k !== key)) : e));
  };
  const yesNo = (key: 'review' | 'waitlist' | 'requireConfirmedSingle') => (
    <One options={YES_NO} value={form[key] ? 'yes' : 'no'} onChange={(v) => set(key, v === 'yes')} />
  );

  const save = async () => {
    if (saving) return;
    setServerError(null);
    const { input, problem } = toSaveInput(form, id);
    if (problem || !input) return setErrors(problem ? { [problem[0]]: problem[1] } : {});
    setErrors({});
    setSaving(true);
    try {
      const saved = await call('matchmaking.save', input);
      void Taro.showToast({ title: '已保存', icon: 'success' });
      if (id) void Taro.navigateBack();
      else void Taro.redirectTo({ url: `${ROUTES.matchmakingRoster}?id=${saved._id}` });
    } catch (e) {
      const field = e instanceof ApiError ? String((e.details as { field?: string } | undefined)?.field ?? '') : '';
      if (field) setErrors({ [field === 'quotas' ? 'seatsF' : field]: errorMessage(e) });
      setServerError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <View>
      <View className='section'>
        <Text className='section-title'>基本信息</Text>
        <Line label='标题' name='title' value={form.title} error={errors.title} onChange={(v) => set('title', v)} />
        <View className='mm-field'>
          <Text className='mm-field-label'>组织工会</Text>
          <Picker
            mode='selector'
            range={orgs.map((o) => o.name)}
            value={orgIndex}
            onChange={(e) => set('orgId', orgs[Number(e.detail.value)]?._id ?? '')}
          >
            <View className='mm-input mm-edit-org'>{orgs[orgIndex]?.name ?? '请选择'}</View>
          </Picker>
          {errors.orgId && <Text className='mm-field-error'>{errors.orgId}</Text>}
        </View>
        <Line label='地点' name='place' value={form.place} error={errors.place} onChange={(v) => set('place', v)} />
        <Line
          multiline
          label='活动介绍'
          name='description'
          value={form.description}
          error={errors.description}
          onChange={(v) => set('description', v)}
        />
        <Line label='费用说明' name='fee' value={form.fee} onChange={(v) => set('fee', v)} />
      </View>
      <View className='section'>
        <Text className='section-title'>时间</Text>
        <When label='开始' value={form.start} onChange={(v) => set('start', v)} />
        <When label='结束' value={form.end} onChange={(v) => set('end', v)} />
        <When label='报名开始' value={form.signupStart} onChange={(v) => set('signupStart', v)} />
        <When label='报名截止' value={form.signupEnd} onChange={(v) => set('signupEnd', v)} />
        {(errors.startAt || errors.endAt || errors.signupEnd) && (
          <Text className='mm-field-error'>{errors.startAt ?? errors.endAt ?? errors.signupEnd}</Text>
        )}
      </View>
      <View className='section'>
        <Text className='section-title'>名额与条件</Text>
        <Line
          label='总名额'
          name='capacity'
          type='number'
          value={form.capacity}
          error={errors.capacity}
          onChange={(v) => set('capacity', v)}
        />
        <Line
          label='女职工名额（留空不限）'
          name='seatsF'
          type='number'
          value={form.seatsF}
          error={errors.seatsF}
          onChange={(v) => set('seatsF', v)}
        />
        <Line label='男职工名额（留空不限）' name='seatsM' type='number' value={form.seatsM} onChange={(v) => set('seatsM', v)} />
        <Line
          label='最小年龄'
          name='ageMin'
          type='number'
          value={form.ageMin}
          error={errors.ageMin}
          onChange={(v) => set('ageMin', v)}
        />
        <Line
          label='最大年龄'
          name='ageMax'
          type='number'
          value={form.ageMax}
          error={errors.ageMax}
          onChange={(v) => set('ageMax', v)}
        />
        <View className='mm-field'>
          <Text className='mm-field-label'>需所在单位工会确认单身</Text>
          {yesNo('requireConfirmedSingle')}
        </View>
        <View className='mm-field'>
          <Text className='mm-field-label'>报名需审核</Text>
          {yesNo('review')}
        </View>
        <View className='mm-field'>
          <Text className='mm-field-label'>名额满后可候补</Text>
          {yesNo('waitlist')}
        </View>
        <View className='mm-field'>
          <Text className='mm-field-label'>取消规则</Text>
          <One
            options={[
              { key: 'untilSignupEnd', label: '报名截止前可取消' },
              { key: 'untilHoursBefore', label: '开始前24小时前可取消' },
            ]}
            value={form.cancelKind}
            onChange={(v) => set('cancelKind', v)}
          />
        </View>
      </View>
      <View className='section'>
        <Text className='section-title'>活动后互选</Text>
        <Line
          label='每人最多可选（1–5位）'
          name='pickLimit'
          type='number'
          value={form.pickLimit}
          error={errors.pickLimit}
          onChange={(v) => set('pickLimit', v)}
        />
        <Line
          label='活动结束后开放天数（1–14天）'
          name='pickDays'
          type='number'
          value={form.pickDays}
          error={errors.pickDays}
          onChange={(v) => set('pickDays', v)}
        />
      </View>
      {serverError && <Text className='mm-error mm-form-error'>{serverError}</Text>}
      <View className='mm-bar'>
        <Button block className='mm-save-event' loading={saving} loadingText='保存中…' onClick={() => void save()}>
          保存
        </Button>
      </View>
    </View>
  );
}
