import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { ApiError, call, errorMessage } from '../../../../api/client';
import { Button } from '../../../../components/Button';
import { PageShell } from '../../../../components/PageShell';
import { StateView } from '../../../../components/StateView';
import { useRemote } from '../../../../hooks/useRemote';
import { ROUTES } from '../../../../utils/nav';
import { CERT_OPTIONS } from '../../format';
import type { EventDetail } from '../../types';
import { emptyForm, formErrors, formOf, toInput, type EventForm } from './form';
import { Line, One, When } from '../../inputs';
import { EVENT_FORMATS, EVENT_LEVELS } from '@rules/competitions';
import { optionsOf } from '@rules/options';
import '../../competitions.scss';
import './index.scss';

const LEVELS = optionsOf(EVENT_LEVELS);
const FORMATS = optionsOf(EVENT_FORMATS);
const YES_NO = [
  { key: true, label: '是' },
  { key: false, label: '否' },
] as const;

function Editor({ competitionId, initial }: { competitionId: string; initial: EventDetail | null }) {
  const [form, setForm] = useState<EventForm>(() => (initial ? formOf(initial) : emptyForm()));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const set =
    <K extends keyof EventForm>(key: K) =>
    (value: EventForm[K]) =>
      setForm((f) => ({ ...f, [key]: value }));
  const open = !!initial && initial.status !== 'draft';

  const save = async () => {
    if (saving) return;
    const found = formErrors(form);
    setErrors(found);
    setFormError(Object.keys(found).length ? '请按提示修改标红的项' : null);
    if (Object.keys(found).length) return;
    setSaving(true);
    try {
      const saved = await call('competitions.saveEvent', toInput(form, competitionId, initial?._id));
      void Taro.showToast({ title: '已保存', icon: 'success' });
      void Taro.redirectTo({ url: `${ROUTES.competitionRegistrations}?id=${saved._id}` });
    } catch (e) {
      const field = e instanceof ApiError ? String((e.details as { field?: string } | undefined)?.field ?? '') : '';
      if (field) setErrors({ [field]: errorMessage(e) });
      setFormError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <View>
      <View className='section'>
        <Text className='section-title'>项目</Text>
        <Line
          label='项目名称'
          name='title'
          value={form.title}
          onChange={set('title')}
          error={errors.title}
          placeholder='如：焊工（市一级）'
        />
        <Line label='工种' name='trade' value={form.trade} onChange={set('trade')} error={errors.trade} placeholder='如：焊工' />
        <View className='cmp-field'>
          <Text className='cmp-field-label'>竞赛级别</Text>
          <One name='level' options={LEVELS} value={form.level} onChange={set('level')} />
        </View>
        <View className='cmp-field'>
          <Text className='cmp-field-label'>比赛形式{open ? '（报名开始后不能更改）' : ''}</Text>
          <One name='format' options={FORMATS} value={form.format} onChange={(v) => !open && set('format')(v)} />
        </View>
        {form.format === 'team' && (
          <View className='cmp-pair'>
            <Line
              label='每队最少（含队长）'
              name='team-min'
              type='number'
              value={form.teamMin}
              onChange={set('teamMin')}
              error={errors.teamSize}
            />
            <Line label='每队最多' name='team-max' type='number' value={form.teamMax} onChange={set('teamMax')} />
          </View>
        )}
        <Line label='比赛地点' name='place' value={form.place} onChange={set('place')} error={errors.place} />
        <Line
          label='项目说明'
          name='description'
          multiline
          value={form.description}
          onChange={set('description')}
          error={errors.description}
          placeholder='考核内容、成绩构成等'
        />
      </View>
      <View className='section'>
        <Text className='section-title'>时间与名额</Text>
        <When label='报名开始' value={form.signupStart} onChange={set('signupStart')} />
        <When label='报名截止' value={form.signupEnd} onChange={set('signupEnd')} error={errors.signupEnd} />
        <When label='比赛开始' value={form.startAt} onChange={set('startAt')} error={errors.startAt} />
        <When label='比赛结束' value={form.endAt} onChange={set('endAt')} error={errors.endAt} />
        <View className='cmp-pair'>
          <Line
            label={form.format === 'team' ? '名额（队）' : '名额（人）'}
            name='capacity'
            type='number'
            value={form.capacity}
            onChange={set('capacity')}
            error={errors.capacity}
          />
          <Line
            label='每单位最多'
            name='unit-cap'
            type='number'
            value={form.unitCap}
            onChange={set('unitCap')}
            error={errors.unitCap}
            note='留空为不限'
          />
        </View>
        <View className='cmp-field'>
          <Text className='cmp-field-label'>单位推荐（报名须经所在单位工会确认）</Text>
          <One name='unit-confirm' options={YES_NO} value={form.unitConfirm} onChange={(v) => !open && set('unitConfirm')(v)} />
        </View>
      </View>
      <View className='section'>
        <Text className='section-title'>报名条件</Text>
        <Line
          label='从事本工种满（年）'
          name='years'
          type='number'
          value={form.minTradeYears}
          onChange={set('minTradeYears')}
          error={errors.minTradeYears}
        />
        <View className='cmp-field'>
          <Text className='cmp-field-label'>职业技能等级（及以上）</Text>
          <One name='cert' options={CERT_OPTIONS} value={form.minCertLevel} onChange={set('minCertLevel')} />
        </View>
        <View className='cmp-field'>
          <Text className='cmp-field-label'>须上传证书照片</Text>
          <One name='photo' options={YES_NO} value={form.certPhotoRequired} onChange={set('certPhotoRequired')} />
        </View>
        <View className='cmp-pair'>
          <Line label='最小年龄' name='age-min' type='number' value={form.ageMin} onChange={set('ageMin')} />
          <Line label='最大年龄' name='age-max' type='number' value={form.ageMax} onChange={set('ageMax')} />
        </View>
      </View>
      <View className='section'>
        <Text className='section-title'>成绩与奖项</Text>
        <Line
          label='理论权重（%，实操为其余）'
          name='theory'
          type='number'
          value={form.theory}
          onChange={set('theory')}
          error={errors.theory}
        />
        <View className='cmp-pair'>
          {(['一等奖', '二等奖', '三等奖'] as const).map((name, i) => (
            <Line
              key={name}
              label={`${name}名额`}
              name={`prize-${i}`}
              type='number'
              value={form.prizes[i]}
              onChange={(v) => set('prizes')(form.prizes.map((p, j) => (j === i ? v : p)) as EventForm['prizes'])}
            />
          ))}
        </View>
        {errors.prizes && <Text className='cmp-field-error'>{errors.prizes}</Text>}
        <Line label='称号（可留空）' name='honour' value={form.honourName} onChange={set('honourName')} />
        <View className='cmp-pair'>
          <Line label='授予前几名' name='honour-top' type='number' value={form.honourTop} onChange={set('honourTop')} />
          <Line label='且总成绩不低于' name='honour-min' type='number' value={form.honourMin} onChange={set('honourMin')} />
        </View>
        <Line label='费用说明' name='fee' value={form.fee} onChange={set('fee')} />
      </View>
      {formError && <Text className='cmp-error cmp-form-error'>{formError}</Text>}
      <View className='cmp-bar'>
        <Button block className='cmp-save-event' loading={saving} loadingText='保存中…' onClick={() => void save()}>
          {initial ? '保存修改' : '保存为草稿'}
        </Button>
      </View>
    </View>
  );
}

/** 编辑竞赛项目: a new event of a competition (`?competition=`), or an event (`?id=`). */
export default function EditEvent() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const remote = useRemote(() => (id ? call('competitions.event', { eventId: id }) : Promise.resolve(null)));
  const initial = remote.data?.event ?? null;
  const competitionId = initial?.competition.competitionId ?? params.competition ?? '';
  return (
    <PageShell className='cmp-event-edit' page='competitionEventEdit' title={id ? '编辑竞赛项目' : '新增竞赛项目'}>
      <StateView loading={remote.loading} error={remote.error} errorCode={remote.errorCode} onRetry={remote.reload}>
        {!remote.loading &&
          (competitionId ? (
            <Editor competitionId={competitionId} initial={initial} />
          ) : (
            <Text className='cmp-error'>请从竞赛页面进入新增项目</Text>
          ))}
      </StateView>
    </PageShell>
  );
}
