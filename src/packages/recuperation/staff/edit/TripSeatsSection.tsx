import { Input, Picker, Text, View } from '@tarojs/components';
import type { Org } from '../../../../api/types';
import { editorInputs } from '../../../../components/enrollment/editor/editorInputs';
import { TARGETS, type TripForm } from './form';

const { Chips, Line, One } = editorInputs('recuperation');

export interface TripSectionProps {
  form: TripForm;
  set: <K extends keyof TripForm>(key: K, value: TripForm[K]) => void;
  patch: (values: Partial<TripForm>) => void;
  errors: Record<string, string>;
  orgs: Org[];
  /** Sign-up has opened: the way places are given out stays. */
  locked: boolean;
}

/** 名额与方式: places, how they are given out (先到先得 / 抽签 / 单位推荐), review, waitlist, places per union. */
export function TripSeatsSection({ form, set, patch, errors, orgs, locked }: TripSectionProps) {
  const setQuota = (i: number, change: Partial<TripForm['quotas'][number]>) =>
    set(
      'quotas',
      form.quotas.map((x, j) => (j === i ? { ...x, ...change } : x)),
    );
  return (
    <View className='section'>
      <Text className='section-title'>名额与方式</Text>
      <Line
        label='名额（人）'
        name='capacity'
        type='number'
        value={form.capacity}
        error={errors.capacity}
        onChange={(v) => set('capacity', v)}
      />
      <View className='activity-field'>
        <Text className='activity-field-label'>分配方式{locked ? '（报名开始后不可更改）' : ''}</Text>
        <One
          name='mode'
          options={[
            { key: 'fcfs', label: '先到先得' },
            { key: 'lottery', label: '截止后抽签' },
            { key: 'nomination', label: '单位推荐' },
          ]}
          value={form.mode}
          onChange={(v) => !locked && set('mode', v)}
        />
      </View>
      {form.mode === 'lottery' && (
        <View className='activity-field'>
          <Text className='activity-field-label'>抽签优先人群（按点选顺序）</Text>
          <Chips name='priority' options={TARGETS} value={form.priorityGroups} onChange={(v) => set('priorityGroups', v)} />
        </View>
      )}
      <View className='activity-field'>
        <Text className='activity-field-label'>报名审核 / 候补</Text>
        <Chips
          name='review'
          options={[
            { key: 'review', label: '需要审核' },
            { key: 'waitlist', label: '满员可候补' },
            { key: 'companions', label: '可带同行家属' },
          ]}
          value={[
            ...(form.review ? ['review' as const] : []),
            ...(form.waitlist ? ['waitlist' as const] : []),
            ...(form.companionsAllowed ? ['companions' as const] : []),
          ]}
          onChange={(v) =>
            patch({
              review: v.includes('review'),
              waitlist: v.includes('waitlist'),
              companionsAllowed: v.includes('companions'),
            })
          }
        />
      </View>
      <Line
        label='递补确认时限（小时，0 为直接递补）'
        name='claimHours'
        type='number'
        value={form.claimHours}
        error={errors.claimHours}
        onChange={(v) => set('claimHours', v)}
      />
      {form.quotas.map((q, i) => (
        <View key={i} className='activity-field' data-testid={`recuperation-edit-quota-${i}`}>
          <Text className='activity-field-label'>单位名额 {i + 1}</Text>
          <View className='activity-when'>
            <Picker
              mode='selector'
              range={orgs.map((o) => o.name)}
              onChange={(e) => setQuota(i, { orgId: orgs[Number(e.detail.value)]._id })}
            >
              <View className='activity-input'>{orgs.find((o) => o._id === q.orgId)?.name ?? '选择工会'}</View>
            </Picker>
            <Input
              className='activity-input activity-quota-seats'
              type='number'
              value={q.seats}
              onInput={(e) => setQuota(i, { seats: e.detail.value })}
            />
          </View>
        </View>
      ))}
      {!locked && (
        <View
          className='activity-link'
          data-testid='recuperation-edit-add-quota'
          onClick={() => set('quotas', [...form.quotas, { orgId: '', seats: '5' }])}
        >
          <Text>+ 按单位分配名额</Text>
        </View>
      )}
      {errors.quotas && (
        <Text className='activity-field-error' data-testid='recuperation-edit-quotas-error'>
          {errors.quotas}
        </Text>
      )}
    </View>
  );
}
