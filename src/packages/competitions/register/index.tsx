import { Input, Text, View } from '@tarojs/components';
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
import { declarationErrors, DeclarationFields } from '../components/DeclarationFields';
import { answerErrors } from '../../../components/enrollment/answerErrors';
import { FormFieldInput } from '../../../components/enrollment/FormFieldInput';
import { day } from '../format';
import { draftOf, useDrafts, type Draft } from '../store';
import type { CertLevel, EventDetail } from '../types';
import '../competitions.scss';

/** Fields of the form a refusal can be shown under (the declaration's, the team's name). */
const SHOWN = ['tradeYears', 'certLevel', 'certPhoto', 'teamName'];

function fieldErrors(ev: EventDetail, draft: Draft, joining: boolean): Record<string, string> {
  const errors = declarationErrors(draft, ev.competition.certPhotoRequired);
  if (!joining && ev.competition.format === 'team' && draft.teamName.trim().length < 2)
    errors.teamName = '请填写队伍名称（2至20个字）';
  if (!joining)
    for (const [key, message] of Object.entries(answerErrors(ev.formFields, draft.answers))) errors[`answers.${key}`] = message;
  return errors;
}

/**
 * The registration form (or, with `invite` or a team link's `link`, accepting a team invitation): what the member declares, the
 * team's name for a captain, the event's own questions. Everything typed is kept if a submit fails.
 * Test ids `competitions-submit`, `competitions-team-name` (input inside), the declaration's and questions' own.
 */
export default function Register() {
  const { params } = useRouter();
  const id = params.id ?? '';
  // Joining a team: by a named invitation (`invite`) or by the captain's link (`link`, its code).
  const link = params.link ? decodeURIComponent(params.link) : '';
  const invite = params.invite ? decodeURIComponent(params.invite) : link;
  const key = invite ? `invite:${invite}` : id;
  const remote = useRemote(() => call('competitions.event', { eventId: id }));
  const { session } = useSession();
  const draft = useDrafts((s) => draftOf(s.drafts, key));
  const { update, clear } = useDrafts();
  const action = useAction();
  const errors = action.fieldErrors;
  const edit = (change: Partial<Draft>) => {
    update(key, change);
    Object.keys(change).forEach(action.clearField);
  };
  const ev = remote.data?.event;
  const team = ev?.competition.format === 'team';

  const submit = () => {
    if (!ev || action.busy) return;
    const found = fieldErrors(ev, draft, !!invite);
    if (Object.keys(found).length) return action.setFieldErrors(found);
    const declaration = {
      tradeYears: Number(draft.tradeYears.trim()),
      certLevel: draft.certLevel as CertLevel,
      ...(draft.certPhoto ? { certPhoto: draft.certPhoto } : {}),
    };
    // Everything typed stays in the draft store when refused.
    void action.run(
      async () => {
        await askToSubscribe('competitionRegister'); // in the tap: WeChat asks only in answer to one
        if (link) {
          await call('competitions.respondTeamLink', { code: link, accept: true, declaration });
          return '已加入队伍';
        }
        if (invite) {
          await call('competitions.respondInvite', { inviteId: invite, accept: true, declaration });
          return '已加入队伍';
        }
        const r = await call('competitions.register', {
          eventId: id,
          declaration,
          ...(team ? { teamName: draft.teamName.trim() } : {}),
          ...(ev.formFields.length ? { answers: draft.answers } : {}),
        });
        return r.status === 'waitlisted' ? `已登记候补第${r.position ?? ''}位` : '报名已提交';
      },
      {
        failTitle: '未能报名',
        fieldKey: (field) => {
          const own = field.startsWith('declaration.') ? field.slice(12) : field;
          return SHOWN.includes(own) || own.startsWith('answers.') ? own : undefined;
        },
        onDone: (title) => {
          clear(key);
          void Taro.showToast({ title, icon: 'success' });
          void Taro.redirectTo({ url: `${ROUTES.competitionEvent}?id=${id}` });
        },
      },
    );
  };

  return (
    <PageShell className='competitions-register-page' page='competitionRegister' title={invite ? '加入队伍' : undefined}>
      <StateView remote={remote} loading={remote.loading && !ev}>
        {ev && (
          <View>
            <View className='section'>
              <Text className='section-title'>{ev.title}</Text>
              <Row label='比赛时间'>{day(ev.startAt)}</Row>
              <Row label='比赛地点'>{ev.place}</Row>
              <Text className='muted competitions-line'>
                {invite
                  ? '请填写您的从业信息，确认后即加入队伍；所在单位工会将核实。'
                  : ev.seatsLeft > 0
                    ? `提交后名额即为您${team ? '的队伍' : ''}保留，经所在单位工会推荐、组织单位审核后确定参赛。`
                    : '名额已满，提交后将登记候补，有人取消时按顺序递补并通知您。'}
              </Text>
            </View>
            {team && !invite && (
              <View className='section'>
                <View className='competitions-field competitions-team-name-input' data-testid='competitions-team-name'>
                  <Text className='competitions-field-label competitions-field-required'>队伍名称</Text>
                  <Input
                    className='competitions-input'
                    maxlength={20}
                    value={draft.teamName}
                    placeholder='如：湖塘精机电工队'
                    onInput={(e) => edit({ teamName: e.detail.value })}
                  />
                  <Text className='competitions-field-note'>
                    您将作为队长报名，提交后在项目页邀请本单位的队员（每队{ev.competition.teamSize?.min}至
                    {ev.competition.teamSize?.max}人）
                  </Text>
                  {errors.teamName && (
                    <Text className='competitions-field-error' data-testid='competitions-team-name-error'>
                      {errors.teamName}
                    </Text>
                  )}
                </View>
              </View>
            )}
            <View className='section'>
              <Text className='section-title'>从业信息</Text>
              <DeclarationFields
                draft={draft}
                errors={errors}
                photoRequired={ev.competition.certPhotoRequired}
                openid={session?.openid ?? ''}
                onChange={edit}
              />
            </View>
            {!invite && ev.formFields.length > 0 && (
              <View className='section'>
                <Text className='section-title'>其他信息</Text>
                {ev.formFields.map((f) => (
                  <FormFieldInput
                    key={f.key}
                    prefix='competitions'
                    field={f}
                    value={draft.answers[f.key]}
                    error={errors[`answers.${f.key}`]}
                    openid={session?.openid ?? ''}
                    onChange={(v) => {
                      const answers = { ...draft.answers };
                      if (v === undefined || v === '' || (Array.isArray(v) && !v.length)) delete answers[f.key];
                      else answers[f.key] = v;
                      update(key, { answers });
                      action.clearField(`answers.${f.key}`);
                    }}
                  />
                ))}
              </View>
            )}
            <View className='competitions-bar'>
              <Button
                block
                className='competitions-submit'
                testId='competitions-submit'
                loading={action.busy}
                loadingText='提交中…'
                onClick={submit}
              >
                {invite ? '确认加入队伍' : team ? '提交队伍报名' : '提交报名'}
              </Button>
            </View>
          </View>
        )}
      </StateView>
    </PageShell>
  );
}
