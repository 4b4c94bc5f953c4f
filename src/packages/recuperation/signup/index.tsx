import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { call } from '../../../api/client';
import { Button } from '../../../components/Button';
import { PageShell } from '../../../components/PageShell';
import { Row } from '../../../components/Row';
import { StateView } from '../../../components/StateView';
import { useAction } from '../../../hooks/useAction';
import { useRemote } from '../../../hooks/useRemote';
import { useSession } from '../../../stores/session';
import { ROUTES } from '../../../utils/nav';
import { askToSubscribe } from '../../../utils/subscribe';
import { answerErrors } from '../../../components/enrollment/answerErrors';
import { FormFieldInput } from '../../../components/enrollment/FormFieldInput';
import { dateRange } from '../format';
import { useSignUpDrafts } from '../store';
import { Companions } from './Companions';
import '../recuperation.scss';
import './index.scss';

/** The sign-up form of one trip. Test ids `recuperation-signup-submit`, `recuperation-field-<key>`. */
export default function SignUp() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const remote = useRemote(() => call('recuperation.get', { activityId: id }));
  const { session } = useSession();
  const draft = useSignUpDrafts((s) => s.drafts[id]) ?? { answers: {}, companions: [] };
  const { setAnswer, clear } = useSignUpDrafts();
  const action = useAction();
  const errors = action.fieldErrors;
  const trip = remote.data?.trip;
  const companions = trip?.recuperation.companions;

  const submit = () => {
    if (!trip || action.busy) return;
    const found = answerErrors(trip.formFields, draft.answers);
    const named = draft.companions.findIndex((c) => c.name.trim().length < 2);
    if (named >= 0) found.companions = `请填写第${named + 1}位同行人的姓名`;
    if (Object.keys(found).length) return action.setFieldErrors(found);
    // Everything typed stays in the draft store when refused; the member fixes or simply retries.
    void action.run(
      async () => {
        await askToSubscribe('recuperationSignUp'); // in the tap: WeChat asks only in answer to one
        return call('recuperation.signUp', {
          activityId: id,
          answers: draft.answers,
          ...(draft.companions.length ? { companions: draft.companions.map((c) => ({ ...c, name: c.name.trim() })) } : {}),
        });
      },
      {
        failTitle: '未能报名',
        // an answer the server refuses is shown under its question
        fieldKey: (field) => (field.startsWith('answers.') ? field.slice(8) : undefined),
        onDone: (result) => {
          clear(id);
          const title =
            result.status === 'waitlisted'
              ? `已登记候补第${result.position ?? ''}位`
              : result.status === 'applied'
                ? '报名成功，待抽签'
                : '报名成功';
          void Taro.showToast({ title, icon: 'success' });
          void Taro.redirectTo({ url: `${ROUTES.recuperationDetail}?id=${id}` });
        },
      },
    );
  };

  return (
    <PageShell className='rec-signup-page' page='recuperationSignUp'>
      <StateView remote={remote} loading={remote.loading && !trip}>
        {trip && (
          <View>
            <View className='section'>
              <Text className='section-title'>{trip.title}</Text>
              <Row label='活动时间'>{dateRange(trip.startAt, trip.endAt)}</Row>
              <Row label='费用'>{trip.fee || '—'}</Row>
              <Row label='取消规则'>{trip.cancelPolicyText}</Row>
              <Text className='muted rec-signup-note'>
                {trip.mode === 'lottery'
                  ? '报名截止后公开抽签，中签结果将通过“我的申请”通知您。'
                  : trip.seatsLeft > 0
                    ? `先到先得，当前剩余名额 ${trip.seatsLeft} 个${trip.review ? '，报名后需工会审核' : ''}。`
                    : '名额已满，提交后将登记候补，有人取消时按顺序递补并通知您。'}
              </Text>
            </View>
            {trip.formFields.length > 0 && (
              <View className='section'>
                <Text className='section-title'>报名信息</Text>
                {trip.formFields.map((f) => (
                  <FormFieldInput
                    key={f.key}
                    prefix='rec'
                    field={f}
                    value={draft.answers[f.key]}
                    error={errors[f.key]}
                    openid={session?.openid ?? ''}
                    onChange={(v) => {
                      setAnswer(id, f.key, v);
                      action.clearField(f.key);
                    }}
                  />
                ))}
              </View>
            )}
            {companions?.allowed && (
              <Companions
                tripId={id}
                max={companions.max}
                note={companions.note}
                error={action.fieldErrors.companions}
                onEdit={() => action.clearField('companions')}
              />
            )}
            <View className='rec-bar'>
              <Button
                block
                className='rec-submit'
                testId='recuperation-signup-submit'
                loading={action.busy}
                loadingText='提交中…'
                onClick={submit}
              >
                确认报名
              </Button>
            </View>
          </View>
        )}
      </StateView>
    </PageShell>
  );
}
