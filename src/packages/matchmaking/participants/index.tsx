import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { call } from '../../../api/client';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { PageShell } from '../../../components/PageShell';
import { StateView } from '../../../components/StateView';
import { useAction } from '../../../hooks/useAction';
import { useRemote } from '../../../hooks/useRemote';
import { ROUTES, go } from '../../../utils/nav';
import { PersonCard } from '../components/PersonCard';
import { dayTime } from '../format';
import type { MatchView } from '../types';
import '../matchmaking.scss';
import './index.scss';

/**
 * 同场参加者: the others who checked in whom the event's rule lets the member pick (异性之间: the other sex), as
 * they chose to be seen; the member picks up to N privately and submits (confirmed first). A mutual pick shows the
 * match with the contact at once. Test ids `matchmaking-participant` (nickname inside), `matchmaking-pick`,
 * `matchmaking-submit-picks`, `matchmaking-picks-dialog`, `matchmaking-matched-dialog`.
 */
export default function Participants() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const remote = useRemote(() => call('matchmaking.participants', { activityId: id }), { refreshOnShow: true });
  const data = remote.data;
  /** The member's choice while editing; null = as stored (data.myPicks). Kept when a submit fails. */
  const [edited, setSelected] = useState<string[] | null>(null);
  const selected = edited ?? data?.myPicks ?? [];
  const [ask, setAsk] = useState(false);
  const act = useAction();
  const [matched, setMatched] = useState<MatchView[]>([]);

  const locked = new Set(data?.items.filter((i) => i.matched).map((i) => i.participantId) ?? []);
  const toggle = (pid: string) => {
    if (!data || locked.has(pid)) return;
    if (selected.includes(pid)) return setSelected(selected.filter((s) => s !== pid));
    if (selected.length >= data.pickLimit)
      return void Taro.showToast({ title: `最多选${data.pickLimit}位，请先取消一位`, icon: 'none' });
    setSelected([...selected, pid]);
  };
  // A refusal is explained in one dialog; the choice stays on the page (`edited`), to fix or submit again.
  const submit = () =>
    act.run(() => call('matchmaking.pick', { activityId: id, participantIds: selected }), {
      failTitle: '未能保存，选择仍保留在页面上',
      fieldKey: () => undefined, // no field here shows an error: always the dialog
      onDone: (r) => {
        setAsk(false);
        setSelected(null);
        if (r.matched.length) setMatched(r.matched);
        else void Taro.showToast({ title: '已保存选择', icon: 'success' });
        remote.reload();
      },
      onFail: () => setAsk(false),
    });
  const changed = !!data && (selected.length !== data.myPicks.length || selected.some((s) => !data.myPicks.includes(s)));

  return (
    <PageShell className='mm-participants' page='matchmakingParticipants'>
      <StateView
        remote={remote}
        loading={remote.loading && !data}
        empty={!!data && data.items.length === 0}
        emptyText='暂无其他可查看的参加者'
      >
        {data && (
          <View>
            <View className='section'>
              <Text className='section-title'>{data.title}</Text>
              <Text className='mm-line'>
                本场为{data.pickRuleText}：{dayTime(data.pickCloseAt)} 前可选择最多 {data.pickLimit}{' '}
                位心仪的参加者。您的选择只有您自己知道；只有互相选择时，双方才会看到彼此的联系方式。
              </Text>
            </View>
            {data.items.map((p) => {
              const on = selected.includes(p.participantId);
              return (
                <View
                  key={p.participantId}
                  className={`mm-card mm-participant ${on ? 'mm-participant-on' : ''}`}
                  data-testid='matchmaking-participant'
                >
                  <View onClick={() => go(`${ROUTES.matchmakingPerson}?id=${id}&pid=${p.participantId}`)}>
                    <PersonCard profile={p.profile} />
                  </View>
                  <View className='mm-participant-foot'>
                    {p.matched ? (
                      <Text className='tag tag-love mm-matched-tag' data-testid='matchmaking-matched-tag'>
                        已互选成功
                      </Text>
                    ) : (
                      <Text className='muted'>{on ? '已选（对方不会知道）' : ''}</Text>
                    )}
                    {!p.matched && (
                      <Button
                        small
                        kind={on ? 'primary' : 'plain'}
                        className='mm-pick'
                        testId='matchmaking-pick'
                        onClick={() => toggle(p.participantId)}
                      >
                        {on ? '已选 ✓' : '选TA'}
                      </Button>
                    )}
                  </View>
                </View>
              );
            })}
            <View className='mm-bar'>
              <Button
                block
                className='mm-submit-picks'
                testId='matchmaking-submit-picks'
                disabled={!changed}
                loading={act.busy}
                onClick={() => setAsk(true)}
              >
                {changed ? `提交选择（${selected.length}/${data.pickLimit}）` : `已选 ${selected.length}/${data.pickLimit}`}
              </Button>
            </View>
          </View>
        )}
      </StateView>
      <ConfirmDialog
        visible={ask}
        title={`提交选择（${selected.length}位）？`}
        confirmText='提交'
        className='mm-picks-dialog'
        testId='matchmaking-picks-dialog'
        busy={act.busy}
        onConfirm={() => void submit()}
        onCancel={() => setAsk(false)}
      >
        <Text>对方不会知道您选了谁。互选成功后不能撤回，如不想再联系可屏蔽对方。</Text>
      </ConfirmDialog>
      <ConfirmDialog
        visible={matched.length > 0}
        title='互选成功！'
        confirmText='好的'
        hideCancel
        className='mm-matched-dialog'
        testId='matchmaking-matched-dialog'
        onConfirm={() => setMatched([])}
      >
        <View>
          {matched.map((m) => (
            <View key={m.matchId} className='mm-matched-item'>
              <PersonCard profile={m.profile} />
            </View>
          ))}
          <Text className='muted'>可随时在“我的互选”中查看。</Text>
        </View>
      </ConfirmDialog>
    </PageShell>
  );
}
