import { Input, Picker, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { call } from '../../../../api/client';
import type { Org } from '../../../../api/types';
import { Button } from '../../../../components/Button';
import { ActivityEditorPage, leaveAfterSave, OrgField, useActivityForm } from '../../../../components/enrollment/editor';
import { ROUTES } from '../../../../utils/nav';
import { Chips, Line, One, When } from '../../inputs';
import { emptyForm, formOf, PRESET_FIELDS, TARGETS, toSaveInput, type TripForm } from './form';
import type { SaveInput, TripDetail } from '../../types';
import '../../recuperation.scss';
import './index.scss';

/** Create or edit a trip (staff of the organising union). e2e hooks `.rec-edit-<field> input`, `.rec-save`. */
export default function EditTrip() {
  const { params } = useRouter();
  const id = params.id;
  return (
    <ActivityEditorPage
      className='rec-edit'
      page='recuperationEdit'
      load={async () => (id ? (await call('recuperation.get', { activityId: id })).trip : null)}
    >
      {(orgs, trip) => <Editor id={id} orgs={orgs} trip={trip} />}
    </ActivityEditorPage>
  );
}

function Editor({ id, orgs, trip }: { id?: string; orgs: Org[]; trip: TripDetail | null }) {
  const { form, setForm, set, errors, serverError, saving, save } = useActivityForm<TripForm, SaveInput>(() =>
    trip ? formOf(trip) : emptyForm(orgs[0]?._id ?? ''),
  );
  const locked = !!trip && trip.status !== 'draft';
  const submit = () =>
    save(toSaveInput(form, id), async (input) => {
      const saved = await call('recuperation.save', input);
      leaveAfterSave(!!id, ROUTES.recuperationRoster, saved._id);
    });

  return (
    <View>
      <View className='section'>
        <Text className='section-title'>基本信息</Text>
        <Line label='标题' name='title' value={form.title} error={errors.title} onChange={(v) => set('title', v)} />
        <OrgField p='rec' orgs={orgs} value={form.orgId} error={errors.orgId} onChange={(v) => set('orgId', v)} />
        <Line label='疗休养基地' name='base' value={form.base} error={errors.base} onChange={(v) => set('base', v)} />
        <Line label='地点' name='place' value={form.place} error={errors.place} onChange={(v) => set('place', v)} />
        <Line
          multiline
          label='活动介绍'
          name='description'
          value={form.description}
          error={errors.description}
          onChange={(v) => set('description', v)}
        />
        <Line label='费用或补助说明' name='fee' value={form.fee} onChange={(v) => set('fee', v)} />
      </View>
      <View className='section'>
        <Text className='section-title'>时间</Text>
        <When label='出发' value={form.start} onChange={(v) => set('start', v)} />
        <When label='返程' value={form.end} onChange={(v) => set('end', v)} />
        <When label='报名开始' value={form.signupStart} onChange={(v) => set('signupStart', v)} />
        <When label='报名截止' value={form.signupEnd} onChange={(v) => set('signupEnd', v)} />
        {(errors.startAt || errors.endAt || errors.signupEnd) && (
          <Text className='rec-field-error'>{errors.startAt ?? errors.endAt ?? errors.signupEnd}</Text>
        )}
      </View>
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
        <View className='rec-field'>
          <Text className='rec-field-label'>分配方式{locked ? '（报名开始后不可更改）' : ''}</Text>
          <One
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
          <View className='rec-field'>
            <Text className='rec-field-label'>抽签优先人群（按点选顺序）</Text>
            <Chips options={TARGETS} value={form.priorityGroups} onChange={(v) => set('priorityGroups', v)} />
          </View>
        )}
        <View className='rec-field'>
          <Text className='rec-field-label'>报名审核 / 候补</Text>
          <Chips
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
              setForm({
                ...form,
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
          onChange={(v) => set('claimHours', v)}
        />
        {form.quotas.map((q, i) => (
          <View key={i} className='rec-field rec-quota'>
            <Text className='rec-field-label'>单位名额 {i + 1}</Text>
            <View className='rec-when'>
              <Picker
                mode='selector'
                range={orgs.map((o) => o.name)}
                onChange={(e) =>
                  set(
                    'quotas',
                    form.quotas.map((x, j) => (j === i ? { ...x, orgId: orgs[Number(e.detail.value)]._id } : x)),
                  )
                }
              >
                <View className='rec-input'>{orgs.find((o) => o._id === q.orgId)?.name ?? '选择工会'}</View>
              </Picker>
              <Input
                className='rec-input rec-quota-seats'
                type='number'
                value={q.seats}
                onInput={(e) =>
                  set(
                    'quotas',
                    form.quotas.map((x, j) => (j === i ? { ...x, seats: e.detail.value } : x)),
                  )
                }
              />
            </View>
          </View>
        ))}
        {!locked && (
          <View className='rec-link' onClick={() => set('quotas', [...form.quotas, { orgId: '', seats: '5' }])}>
            <Text>+ 按单位分配名额</Text>
          </View>
        )}
        {errors.quotas && <Text className='rec-field-error'>{errors.quotas}</Text>}
      </View>
      <View className='section'>
        <Text className='section-title'>报名条件</Text>
        <View className='rec-field'>
          <Text className='rec-field-label'>疗休养对象</Text>
          <Chips options={TARGETS} value={form.targetGroups} onChange={(v) => set('targetGroups', v)} />
        </View>
        <Line
          label='每几年可参加一次（0 为不限）'
          name='everyYears'
          type='number'
          value={form.everyYears}
          onChange={(v) => set('everyYears', v)}
        />
        <View className='rec-field'>
          <Text className='rec-field-label'>取消规则</Text>
          <One
            options={[
              { key: 'never', label: '报名后不可取消' },
              { key: 'untilSignupEnd', label: '截止前可取消' },
              { key: 'untilHoursBefore', label: '出发前N小时前可取消' },
            ]}
            value={form.cancelKind}
            onChange={(v) => set('cancelKind', v)}
          />
        </View>
        {form.cancelKind === 'untilHoursBefore' && (
          <Line
            label='N（小时）'
            name='cancelHours'
            type='number'
            value={form.cancelHours}
            onChange={(v) => set('cancelHours', v)}
          />
        )}
      </View>
      <View className='section'>
        <Text className='section-title'>报名表</Text>
        <Chips
          options={PRESET_FIELDS.map((f) => ({ key: f.key, label: f.label }))}
          value={form.presets}
          onChange={(v) => set('presets', v)}
        />
        {form.otherFields.map((f) => (
          <Text key={f.key} className='muted rec-card-line'>
            另有：{f.label}
          </Text>
        ))}
      </View>
      <View className='section'>
        <Text className='section-title'>行程安排</Text>
        {form.itinerary.map((d, i) => (
          <View key={i} className='rec-field'>
            <Text className='rec-field-label'>第{i + 1}天</Text>
            <Input
              className='rec-input'
              value={d.title}
              placeholder='行程标题'
              onInput={(e) =>
                set(
                  'itinerary',
                  form.itinerary.map((x, j) => (j === i ? { ...x, title: e.detail.value } : x)),
                )
              }
            />
            <Input
              className='rec-input'
              value={d.detail}
              placeholder='行程说明（选填）'
              onInput={(e) =>
                set(
                  'itinerary',
                  form.itinerary.map((x, j) => (j === i ? { ...x, detail: e.detail.value } : x)),
                )
              }
            />
          </View>
        ))}
        <View className='rec-link' onClick={() => set('itinerary', [...form.itinerary, { title: '', detail: '' }])}>
          <Text>+ 添加一天</Text>
        </View>
      </View>
      {serverError && <Text className='rec-error rec-edit-error'>{serverError}</Text>}
      <View className='rec-bar'>
        <Button block className='rec-save' loading={saving} loadingText='保存中…' onClick={() => void submit()}>
          {id ? '保存修改' : '保存为草稿'}
        </Button>
      </View>
    </View>
  );
}
