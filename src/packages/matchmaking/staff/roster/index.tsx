import { useState } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { call, errorMessage } from '../../../../api/client';
import { Button } from '../../../../components/Button';
import { ConfirmDialog } from '../../../../components/ConfirmDialog';
import { LoadMore } from '../../../../components/LoadMore';
import { PageShell } from '../../../../components/PageShell';
import { StateView } from '../../../../components/StateView';
import { usePagedRemote } from '../../../../hooks/usePagedRemote';
import { useRemote } from '../../../../hooks/useRemote';
import { PersonCard } from '../../components/PersonCard';
import { Tabs } from '../../../../components/Tabs';
import { dayTime, PHASE_TEXT, seatsText, statusTone, when } from '../../format';
import type { OrganiserItem } from '../../types';
import { CheckInPanel, checkInOpen } from '../../../../components/enrollment/CheckInPanel';
import { EventActions } from './EventActions';
import { Reports } from './Reports';
import '../../matchmaking.scss';
import './index.scss';

type Filter = 'all' | 'pending' | 'approved' | 'waitlisted';
const TABS: { key: Filter; label: string }[] = [
  { key: 'all', label: '全部' },
  { key: 'pending', label: '待审核' },
  { key: 'approved', label: '已录取' },
  { key: 'waitlisted', label: '候补' },
];

function Item({ e, selectable, on, onToggle }: { e: OrganiserItem; selectable: boolean; on: boolean; onToggle: () => void }) {
  return (
    <View className='mm-card mm-roster-item' onClick={() => selectable && onToggle()}>
      <View className='mm-head'>
        <Text className='mm-roster-name'>
          {selectable && <Text className='mm-select'>{on ? '☑ ' : '☐ '}</Text>}
          {e.name}
        </Text>
        <Text className={`tag tag-${statusTone(e.status)}`}>{e.checkedInAt ? '已签到' : e.statusText}</Text>
      </View>
      <Text className='mm-card-line'>
        {e.orgName} · {e.single ? e.single.statusText : '未填写交友资料'}
      </Text>
      {e.profile ? (
        <View className='mm-roster-profile'>
          <PersonCard profile={e.profile} />
        </View>
      ) : (
        e.single && <Text className='mm-card-line muted'>资料已暂停展示</Text>
      )}
    </View>
  );
}

/**
 * 联谊报名管理: seats per gender, actions, check-in, open reports, and the sign-ups with their profiles as a
 * fellow participant would see them (viewing is recorded in 操作日志); review in bulk. e2e hooks
 * `.mm-roster-item` (name inside), `.mm-approve`, `.mm-reject`, `.mm-summary`.
 */
export default function Roster() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const event = useRemote(() => call('matchmaking.get', { activityId: id }), { refreshOnShow: true });
  const [filter, setFilter] = useState<Filter>('all');
  const [summary, setSummary] = useState<string>('');
  const list = usePagedRemote(
    async (page) => {
      const r = await call('matchmaking.eventProfiles', {
        activityId: id,
        page,
        ...(filter === 'all' ? {} : { status: filter }),
      });
      setSummary(
        `名额 ${r.summary.capacity}，剩余 ${r.summary.seatsLeft}（${seatsText({ ...r.summary, genderSeats: r.summary.genderSeats })}）`,
      );
      return { items: r.items, total: r.total };
    },
    { refreshOnShow: true, deps: [filter] },
  );
  const [selected, setSelected] = useState<string[]>([]);
  const [ask, setAsk] = useState<'approve' | 'reject' | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const e = event.data?.event;
  const reloadAll = () => {
    event.reload();
    list.reload();
    setSelected([]);
  };
  const review = async () => {
    if (ask === 'reject' && !reason.trim()) return setReasonError('请填写未通过的原因，会员将看到该原因');
    const decision = ask!;
    setBusy(true);
    try {
      const r = await call('enrollment.review', {
        activityId: id,
        enrollmentIds: selected,
        decision,
        ...(decision === 'reject' ? { reason: reason.trim() } : {}),
      });
      setAsk(null);
      setReason('');
      if (r.failed.length)
        void Taro.showModal({
          title: `${r.done.length} 条已处理`,
          content: r.failed.map((f) => `${f.name}：${f.message}`).join('\n'),
          showCancel: false,
        });
      else void Taro.showToast({ title: `已处理 ${r.done.length} 条`, icon: 'success' });
      reloadAll();
    } catch (err) {
      setReasonError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <PageShell className='mm-roster' page='matchmakingRoster'>
      <StateView loading={event.loading && !e} error={event.error} errorCode={event.errorCode} onRetry={event.reload}>
        {e && (
          <View>
            <View className='section'>
              <Text className='section-title'>{e.title}</Text>
              <Text className='muted'>
                {when(e.startAt, e.endAt)} · {PHASE_TEXT[e.phase]} · 截止 {dayTime(e.signupEnd)}
              </Text>
              {summary && <Text className='mm-line mm-summary'>{summary}</Text>}
            </View>
            <EventActions event={e} onChanged={reloadAll} />
            <Reports activityId={id} onChanged={reloadAll} />
            {e.status !== 'draft' && checkInOpen(e) && (
              <CheckInPanel prefix='mm' rowClass='mm-checkin-row' resultClass='mm-line' activityId={id} onChanged={list.reload} />
            )}
          </View>
        )}
      </StateView>
      <Tabs prefix='mm' tabs={TABS} value={filter} onChange={(f) => (setFilter(f), setSelected([]))} />
      <StateView
        loading={list.loading && !list.data}
        error={list.error}
        errorCode={list.errorCode}
        onRetry={list.reload}
        empty={!!list.data && list.data.items.length === 0}
        emptyText='暂无报名'
      >
        {list.data?.items.map((item) => (
          <Item
            key={item.enrollmentId}
            e={item}
            selectable={item.status === 'pending'}
            on={selected.includes(item.enrollmentId)}
            onToggle={() =>
              setSelected(
                selected.includes(item.enrollmentId)
                  ? selected.filter((s) => s !== item.enrollmentId)
                  : [...selected, item.enrollmentId],
              )
            }
          />
        ))}
        <LoadMore hasMore={list.hasMore} loading={list.loadingMore} error={list.moreError} onLoad={list.loadMore} />
      </StateView>
      {selected.length > 0 && (
        <View className='mm-bar mm-actions'>
          <Button kind='plain' className='mm-reject' disabled={busy} onClick={() => (setReasonError(null), setAsk('reject'))}>
            未通过（{selected.length}）
          </Button>
          <Button className='mm-approve' loading={busy} onClick={() => (setReasonError(null), setAsk('approve'))}>
            审核通过（{selected.length}）
          </Button>
        </View>
      )}
      <ConfirmDialog
        visible={!!ask}
        title={ask === 'approve' ? `通过所选 ${selected.length} 条报名？` : `所选 ${selected.length} 条不予通过？`}
        className='mm-review-dialog'
        busy={busy}
        onConfirm={() => void review()}
        onCancel={() => setAsk(null)}
      >
        {ask === 'reject' ? (
          <View>
            <Textarea
              className='mm-input mm-textarea mm-reject-reason'
              value={reason}
              maxlength={200}
              placeholder='未通过的原因（会员将看到）'
              onInput={(ev) => setReason(ev.detail.value)}
            />
            {reasonError && <Text className='mm-field-error'>{reasonError}</Text>}
          </View>
        ) : (
          <View>
            <Text>通过后名额确定，会员将收到通知。</Text>
            {reasonError && <Text className='mm-field-error'>{reasonError}</Text>}
          </View>
        )}
      </ConfirmDialog>
    </PageShell>
  );
}
