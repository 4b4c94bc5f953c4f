import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { call, errorMessage } from '../../../api/client';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { PageShell } from '../../../components/PageShell';
import { Row } from '../../../components/Row';
import { StateView } from '../../../components/StateView';
import { useRemote } from '../../../hooks/useRemote';
import { ROUTES, go } from '../../../utils/nav';
import { Checks } from '../components/Checks';
import { EntryCard } from '../components/EntryCard';
import { day, dayTime, isActive, PHASE_TEXT } from '../format';
import type { EventPage, Invitation } from '../types';
import '../competitions.scss';
import './index.scss';

/** The bottom bar: the registration, or why not (in words that say what to do next). */
function RegisterBar({ page }: { page: EventPage }) {
  const { event, eligibility, mine } = page;
  if (mine && isActive(mine.status)) return null;
  let hint: string | null = null;
  let action: { label: string; url: string } | null = null;
  const team = event.competition.format === 'team';
  if (event.phase === 'upcoming') hint = `报名将于 ${dayTime(event.signupStart)} 开始，请届时再来`;
  else if (event.phase !== 'open') hint = '报名已截止';
  else if (!eligibility.member) {
    hint = '完成实名入会后才能报名';
    action = { label: '去入会', url: ROUTES.apply };
  } else if (!eligibility.eligible) hint = '您暂不符合本项目的报名条件（见上方说明），如信息有误请联系所在工会';
  else if (page.unitLeft === 0) {
    hint = '您所在单位的名额已报满，仍可登记候补';
    action = { label: '登记候补', url: `${ROUTES.competitionRegister}?id=${event._id}` };
  } else
    action = {
      label: event.seatsLeft > 0 ? (team ? '以队长身份报名组队' : '我要报名') : '名额已满，登记候补',
      url: `${ROUTES.competitionRegister}?id=${event._id}`,
    };
  return (
    <View className='cmp-bar'>
      {hint && <Text className='cmp-bar-hint cmp-register-hint'>{hint}</Text>}
      {team && !hint && page.invitations.length > 0 && (
        <Text className='cmp-bar-hint'>已收到组队邀请？请在上方接受，无需自行报名</Text>
      )}
      {action && (
        <Button block className='cmp-register' onClick={() => go(action.url)}>
          {action.label}
        </Button>
      )}
    </View>
  );
}

function Invitations({ page, onChanged }: { page: EventPage; onChanged: () => void }) {
  const [declining, setDeclining] = useState<Invitation | null>(null);
  const [busy, setBusy] = useState(false);
  const decline = async () => {
    if (!declining || busy) return;
    setBusy(true);
    try {
      await call('competitions.respondInvite', { inviteId: declining.inviteId, accept: false });
      setDeclining(null);
      onChanged();
    } catch (e) {
      setDeclining(null);
      void Taro.showModal({ title: '未能办理', content: errorMessage(e), showCancel: false });
    } finally {
      setBusy(false);
    }
  };
  if (!page.invitations.length) return null;
  return (
    <View className='section cmp-invitations'>
      <Text className='section-title'>组队邀请</Text>
      {page.invitations.map((i) => (
        <View key={i.inviteId} className='cmp-invitation'>
          <Text className='cmp-line'>
            {i.captainName}邀请您加入「{i.teamName}」
          </Text>
          <View className='cmp-actions'>
            <Button
              className='cmp-accept'
              onClick={() => go(`${ROUTES.competitionRegister}?id=${i.eventId}&invite=${encodeURIComponent(i.inviteId)}`)}
            >
              接受并填写信息
            </Button>
            <Button kind='quiet' className='cmp-decline' onClick={() => setDeclining(i)}>
              谢绝
            </Button>
          </View>
        </View>
      ))}
      <ConfirmDialog
        visible={!!declining}
        title='谢绝组队邀请？'
        confirmText='谢绝'
        busy={busy}
        onConfirm={() => void decline()}
        onCancel={() => setDeclining(null)}
      >
        <Text>队长将收到通知。谢绝后如需加入，须队长重新邀请。</Text>
      </ConfirmDialog>
    </View>
  );
}

/** One event: conditions before the form, my registration or team, the rules of the contest, results. */
export default function EventPageView() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const remote = useRemote(() => call('competitions.event', { eventId: id }), { refreshOnShow: true });
  const page = remote.data;
  const ev = page?.event;
  const f = ev?.competition;
  return (
    <PageShell className='cmp-event-page' page='competitionEvent'>
      <StateView loading={remote.loading && !page} error={remote.error} errorCode={remote.errorCode} onRetry={remote.reload}>
        {page && ev && f && (
          <View>
            <View className='section'>
              <Text className='cmp-event-name'>{ev.title}</Text>
              <Text className='muted cmp-event-of'>{ev.competitionTitle}</Text>
              <View className='cmp-card-tags'>
                <Text className={`tag ${ev.phase === 'open' ? 'tag-approved' : 'tag-muted'} cmp-event-phase`}>
                  {PHASE_TEXT[ev.phase]}
                </Text>
                <Text className='tag tag-info'>{ev.levelLabel}</Text>
                <Text className='tag tag-info'>{ev.formatLabel}</Text>
              </View>
            </View>
            <Invitations page={page} onChanged={remote.reload} />
            {page.mine && <EntryCard eventId={ev._id} mine={page.mine} onChanged={remote.reload} />}
            <View className='section cmp-conditions'>
              <Text className='section-title'>报名条件</Text>
              <Checks page={page} />
              {page.unitLeft !== undefined && (
                <Text className='cmp-line cmp-unit-left'>
                  您所在单位剩余名额：<Text className='cmp-strong'>{page.unitLeft}</Text> / {ev.unitCap}
                </Text>
              )}
            </View>
            <View className='section'>
              <Row label='工种'>{f.trade}</Row>
              <Row label='比赛地点'>{ev.place}</Row>
              <Row label='比赛时间'>{`${day(ev.startAt)} ${dayTime(ev.startAt).split(' ')[1]}`}</Row>
              <Row label='报名时间'>{`${dayTime(ev.signupStart)} 至 ${dayTime(ev.signupEnd)}`}</Row>
              <Row
                label='名额'
                valueClassName='cmp-seats'
              >{`${ev.capacity}${f.format === 'team' ? '队' : '人'}，剩余 ${ev.seatsLeft}`}</Row>
              {f.teamSize && (
                <Row label='队伍人数'>
                  {f.teamSize.min === f.teamSize.max
                    ? `每队${f.teamSize.min}人（含队长）`
                    : `每队${f.teamSize.min}至${f.teamSize.max}人（含队长）`}
                </Row>
              )}
              <Row label='成绩计算'>{`理论 ${f.weights.theory}% + 实操 ${f.weights.practical}%`}</Row>
              {f.prizes.length > 0 && <Row label='奖项'>{f.prizes.map((p) => `${p.name}${p.count}名`).join('、')}</Row>}
              {f.honours.length > 0 && (
                <Row label='称号'>{f.honours.map((h) => `${h.name}（前${h.topRanks}名且总成绩≥${h.minTotal}）`).join('、')}</Row>
              )}
              <Row label='审核'>
                {ev.unitConfirm ? '所在单位工会推荐后，由组织单位审核' : ev.review ? '由组织单位审核' : '无需审核'}
              </Row>
              <Row label='费用'>{ev.fee || '—'}</Row>
              <Row label='取消规则'>{ev.cancelPolicyText}</Row>
            </View>
            <View className='section'>
              <Text className='section-title'>项目说明</Text>
              <Text className='cmp-event-text'>{ev.description}</Text>
            </View>
            {(page.results || page.canManage) && (
              <View className='section'>
                {page.results && (
                  <View className='cmp-link cmp-to-results' onClick={() => go(`${ROUTES.competitionResults}?id=${ev._id}`)}>
                    <Text>
                      {page.results.status === 'final' ? '最终成绩' : page.results.open ? '成绩公示中（可提出异议）' : '成绩公示'}
                    </Text>
                    <Text>›</Text>
                  </View>
                )}
                {page.canManage && (
                  <View
                    className='cmp-link cmp-to-registrations'
                    onClick={() => go(`${ROUTES.competitionRegistrations}?id=${ev._id}`)}
                  >
                    <Text>报名管理（工作人员）</Text>
                    <Text>›</Text>
                  </View>
                )}
                {page.canManage && (
                  <View className='cmp-link cmp-to-scores' onClick={() => go(`${ROUTES.competitionScores}?id=${ev._id}`)}>
                    <Text>成绩管理（工作人员）</Text>
                    <Text>›</Text>
                  </View>
                )}
              </View>
            )}
            <RegisterBar page={page} />
          </View>
        )}
      </StateView>
    </PageShell>
  );
}
