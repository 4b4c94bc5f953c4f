import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { ApiError, call, errorMessage } from '../../../api/client';
import { Button } from '../../../components/Button';
import { PageShell } from '../../../components/PageShell';
import { Row } from '../../../components/Row';
import { StateView } from '../../../components/StateView';
import { useRemote } from '../../../hooks/useRemote';
import { useSession } from '../../../stores/session';
import { ROUTES } from '../../../utils/nav';
import { askToSubscribe } from '../../../utils/subscribe';
import { FormFieldInput } from '../../../components/enrollment/FormFieldInput';
import { dateRange } from '../format';
import { useSignUpDrafts } from '../store';
import type { TripDetail } from '../types';
import { optionsOf } from '@rules/options';
import { COMPANION_RELATIONS } from '@rules/recuperation';
import '../recuperation.scss';
import './index.scss';

const RELATIONS = optionsOf(COMPANION_RELATIONS);

/** Required fields left empty, by key (the server checks everything again). */
function missing(trip: TripDetail, answers: Record<string, unknown>): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const f of trip.formFields) {
    const v = answers[f.key];
    if (f.required && (v === undefined || v === '' || (Array.isArray(v) && !v.length))) errors[f.key] = `请填写「${f.label}」`;
  }
  return errors;
}

/** The sign-up form of one trip. e2e hooks: `.rec-submit`, `.rec-form-error`, `.rec-field-<key>`. */
export default function SignUp() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const remote = useRemote(() => call('recuperation.get', { activityId: id }));
  const { session } = useSession();
  const draft = useSignUpDrafts((s) => s.drafts[id]) ?? { answers: {}, companions: [] };
  const { setAnswer, setCompanions, clear } = useSignUpDrafts();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const trip = remote.data?.trip;
  const companions = trip?.recuperation.companions;

  const submit = async () => {
    if (!trip || submitting) return;
    setServerError(null);
    const found = missing(trip, draft.answers);
    const named = draft.companions.findIndex((c) => c.name.trim().length < 2);
    if (named >= 0) found.companions = `请填写第${named + 1}位同行人的姓名`;
    setErrors(found);
    if (Object.keys(found).length) return;
    setSubmitting(true);
    try {
      await askToSubscribe('recuperationSignUp'); // in the tap: WeChat asks only in answer to one
      const result = await call('recuperation.signUp', {
        activityId: id,
        answers: draft.answers,
        ...(draft.companions.length ? { companions: draft.companions.map((c) => ({ ...c, name: c.name.trim() })) } : {}),
      });
      clear(id);
      const title =
        result.status === 'waitlisted'
          ? `已登记候补第${result.position ?? ''}位`
          : result.status === 'applied'
            ? '报名成功，待抽签'
            : '报名成功';
      void Taro.showToast({ title, icon: 'success' });
      void Taro.redirectTo({ url: `${ROUTES.recuperationDetail}?id=${id}` });
    } catch (e) {
      // Everything typed stays in the draft store; the member fixes or simply retries.
      const field = e instanceof ApiError ? String((e.details as { field?: string } | undefined)?.field ?? '') : '';
      if (field.startsWith('answers.')) setErrors({ [field.slice(8)]: errorMessage(e) });
      setServerError(errorMessage(e));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <PageShell className='rec-signup-page' page='recuperationSignUp'>
      <StateView loading={remote.loading && !trip} error={remote.error} errorCode={remote.errorCode} onRetry={remote.reload}>
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
                    onChange={(v) => setAnswer(id, f.key, v)}
                  />
                ))}
              </View>
            )}
            {companions?.allowed && (
              <View className='section rec-companions'>
                <Text className='section-title'>同行人（选填）</Text>
                {companions.note && <Text className='muted'>{companions.note}</Text>}
                {draft.companions.map((c, i) => (
                  <View key={i} className='rec-field'>
                    <Input
                      className='rec-input rec-companion-name'
                      value={c.name}
                      placeholder='同行人姓名'
                      maxlength={30}
                      onInput={(e) =>
                        setCompanions(
                          id,
                          draft.companions.map((x, j) => (j === i ? { ...x, name: e.detail.value } : x)),
                        )
                      }
                    />
                    <View className='rec-chips'>
                      {RELATIONS.map((r) => (
                        <View
                          key={r.key}
                          className={`rec-chip ${c.relation === r.key ? 'rec-chip-on' : ''}`}
                          onClick={() =>
                            setCompanions(
                              id,
                              draft.companions.map((x, j) => (j === i ? { ...x, relation: r.key } : x)),
                            )
                          }
                        >
                          {r.label}
                        </View>
                      ))}
                      <View
                        className='rec-chip'
                        onClick={() =>
                          setCompanions(
                            id,
                            draft.companions.filter((_, j) => j !== i),
                          )
                        }
                      >
                        删除
                      </View>
                    </View>
                  </View>
                ))}
                {draft.companions.length < companions.max && (
                  <View
                    className='rec-link'
                    onClick={() => setCompanions(id, [...draft.companions, { name: '', relation: 'spouse' }])}
                  >
                    <Text>+ 添加同行人</Text>
                  </View>
                )}
                {errors.companions && <Text className='rec-field-error'>{errors.companions}</Text>}
              </View>
            )}
            {serverError && <Text className='rec-error rec-form-error'>{serverError}</Text>}
            <View className='rec-bar'>
              <Button block className='rec-submit' loading={submitting} loadingText='提交中…' onClick={() => void submit()}>
                确认报名
              </Button>
            </View>
          </View>
        )}
      </StateView>
    </PageShell>
  );
}
