import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { call } from '../../../api/client';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { PageShell } from '../../../components/PageShell';
import { Row } from '../../../components/Row';
import { StateView } from '../../../components/StateView';
import { useAction } from '../../../hooks/useAction';
import { useRemote } from '../../../hooks/useRemote';
import { formatDateTime } from '../../../utils/format';
import { ROUTES, go } from '../../../utils/nav';
import { day, dayTime } from '../format';
import '../competitions.scss';
import './index.scss';

/**
 * 加入队伍: opened from a captain's share card, QR code or link. Shows the team, the captain, the event (time, place,
 * rules) and until when the link holds; accepting goes on to the declaration form, declining is confirmed. A link
 * that can no longer be accepted says why and what to do next. Test ids `competitions-join-card`,
 * `competitions-join-title`, `competitions-join-accept`, `competitions-join-decline`, `competitions-join-closed`,
 * `competitions-join-joined`, `competitions-join-note`.
 */
export default function JoinTeam() {
  const { params } = useRouter();
  const code = decodeURIComponent(params.code ?? '');
  const remote = useRemote(() => call('competitions.teamLink', { code }), { refreshOnShow: true });
  const [declining, setDeclining] = useState(false);
  const action = useAction();
  const link = remote.data;
  const ev = link?.event;

  const decline = () =>
    void action.run(() => call('competitions.respondTeamLink', { code, accept: false }), {
      success: '已谢绝',
      failTitle: '未能办理',
      onDone: () => {
        setDeclining(false);
        remote.reload();
      },
      onFail: () => {
        setDeclining(false);
        remote.reload();
      },
    });

  return (
    <PageShell className='competitions-join-page' page='competitionJoin'>
      <StateView remote={remote} loading={remote.loading && !link}>
        {link && ev && (
          <View>
            <View className='section competitions-join-card' data-testid='competitions-join-card'>
              <Text className='competitions-join-title' data-testid='competitions-join-title'>
                {link.captainName}邀请您加入「{link.teamName}」
              </Text>
              <Row label='队伍'>{`${link.teamName}（现有${link.size}人，每队${link.min === link.max ? link.max : `${link.min}至${link.max}`}人，含队长）`}</Row>
              <Row label='队长' valueTestId='competitions-join-captain'>
                {link.captainName}
              </Row>
              <Row label='所属单位' valueTestId='competitions-join-org'>
                {link.orgName}
              </Row>
              <Row label='状态'>{link.stateText}</Row>
              {link.state === 'open' && <Row label='链接有效期至'>{formatDateTime(link.expiresAt)}</Row>}
              {link.joinedByMe ? (
                <View className='competitions-join-actions'>
                  <Text className='competitions-line' data-testid='competitions-join-joined'>
                    您已加入「{link.teamName}」，可在项目页查看队伍和审核进度。
                  </Text>
                  <Button block kind='plain' onClick={() => go(`${ROUTES.competitionEvent}?id=${ev._id}`)}>
                    查看项目
                  </Button>
                </View>
              ) : link.state !== 'open' ? (
                <Text className='competitions-line competitions-warn' data-testid='competitions-join-closed'>
                  {link.next}
                </Text>
              ) : link.isCaptain ? (
                <Text className='competitions-line muted' data-testid='competitions-join-note'>
                  这是您发出的邀请链接，请把它发给要邀请的本单位队员。
                </Text>
              ) : (
                <View className='competitions-join-actions'>
                  {!link.sameUnit && (
                    <Text className='competitions-line competitions-warn' data-testid='competitions-join-note'>
                      本邀请仅限{link.orgName}的会员接受（队员须与队长同属一个单位工会）。如您属于该单位但尚未入会，请先申请入会。
                    </Text>
                  )}
                  <Button
                    block
                    testId='competitions-join-accept'
                    onClick={() => go(`${ROUTES.competitionRegister}?id=${ev._id}&link=${encodeURIComponent(code)}`)}
                  >
                    接受并填写从业信息
                  </Button>
                  <Button block kind='quiet' testId='competitions-join-decline' onClick={() => setDeclining(true)}>
                    谢绝
                  </Button>
                </View>
              )}
            </View>
            <View className='section'>
              <Text className='section-title'>{ev.title}</Text>
              <Text className='muted competitions-event-of'>{ev.competitionTitle}</Text>
              <Row label='工种'>{ev.competition.trade}</Row>
              <Row label='比赛时间'>{`${day(ev.startAt)} ${dayTime(ev.startAt).split(' ')[1]}`}</Row>
              <Row label='比赛地点'>{ev.place}</Row>
              <Row label='报名截止'>{dayTime(ev.signupEnd)}</Row>
              <Row label='成绩计算'>{`理论 ${ev.competition.weights.theory}% + 实操 ${ev.competition.weights.practical}%`}</Row>
              <Row label='取消规则'>{ev.cancelPolicyText}</Row>
            </View>
            <View className='section'>
              <Text className='section-title'>比赛规则与说明</Text>
              <Text className='competitions-event-text'>{ev.description}</Text>
            </View>
          </View>
        )}
      </StateView>
      <ConfirmDialog
        visible={declining}
        title='谢绝组队邀请？'
        confirmText='谢绝'
        busy={action.busy}
        onConfirm={decline}
        onCancel={() => setDeclining(false)}
      >
        <Text data-testid='competitions-join-decline-confirm'>队长将收到通知。谢绝后此链接失效，如需加入须队长重新发送。</Text>
      </ConfirmDialog>
    </PageShell>
  );
}
