import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { call } from '../../../../api/client';
import type { Org } from '../../../../api/types';
import { Button } from '../../../../components/Button';
import { ActivityEditorPage, leaveAfterSave, OrgField, useActivityForm } from '../../../../components/enrollment/editor';
import { ROUTES } from '../../../../utils/nav';
import { emptyForm, formOf, toSaveInput, type EventForm } from './form';
import { Line, One, When } from '../../inputs';
import type { EventDetail, SaveEventInput } from '../../types';
import '../../matchmaking.scss';
import './index.scss';

const YES_NO = [
  { key: 'yes', label: '是' },
  { key: 'no', label: '否' },
] as const;

/** Create or edit an event (staff of the organising union). e2e hooks `.mm-edit-<field> input`, `.mm-save-event`. */
export default function EditEvent() {
  const { params } = useRouter();
  const id = params.id;
  return (
    <ActivityEditorPage
      className='mm-edit'
      page='matchmakingEdit'
      load={async () => (id ? (await call('matchmaking.get', { activityId: id })).event : null)}
    >
      {(orgs, event) => <Editor id={id} orgs={orgs} event={event} />}
    </ActivityEditorPage>
  );
}

function Editor({ id, orgs, event }: { id?: string; orgs: Org[]; event: EventDetail | null }) {
  const { form, set, errors, serverError, saving, save } = useActivityForm<EventForm, SaveEventInput>(() =>
    event ? formOf(event) : emptyForm(orgs[0]?._id ?? ''),
  );
  const yesNo = (key: 'review' | 'waitlist' | 'requireConfirmedSingle') => (
    <One options={YES_NO} value={form[key] ? 'yes' : 'no'} onChange={(v) => set(key, v === 'yes')} />
  );
  const submit = () =>
    save(
      toSaveInput(form, id),
      async (input) => {
        const saved = await call('matchmaking.save', input);
        leaveAfterSave(!!id, ROUTES.matchmakingRoster, saved._id);
      },
      // per-gender seats are the event's quotas
      (field) => (field === 'quotas' ? 'seatsF' : field),
    );

  return (
    <View>
      <View className='section'>
        <Text className='section-title'>基本信息</Text>
        <Line label='标题' name='title' value={form.title} error={errors.title} onChange={(v) => set('title', v)} />
        <OrgField p='mm' orgs={orgs} value={form.orgId} error={errors.orgId} onChange={(v) => set('orgId', v)} />
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
        <Button block className='mm-save-event' loading={saving} loadingText='保存中…' onClick={() => void submit()}>
          保存
        </Button>
      </View>
    </View>
  );
}
