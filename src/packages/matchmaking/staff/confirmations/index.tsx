import { useState } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import { call } from '../../../../api/client';
import { Button } from '../../../../components/Button';
import { ConfirmDialog } from '../../../../components/ConfirmDialog';
import { PagedList } from '../../../../components/PagedList';
import { PageShell } from '../../../../components/PageShell';
import { useAction } from '../../../../hooks/useAction';
import { usePagedRemote } from '../../../../hooks/usePagedRemote';
import { Tabs } from '../../../../components/Tabs';
import { dayTime } from '../../format';
import type { ConfirmationItem } from '../../types';
import '../../matchmaking.scss';
import './index.scss';
import { OverdueTag } from '../../../../components/OverdueTag';

type Filter = 'requested' | 'confirmed' | 'rejected';
const TABS: { key: Filter; label: string }[] = [
  { key: 'requested', label: '待确认' },
  { key: 'confirmed', label: '已确认' },
  { key: 'rejected', label: '未确认' },
];

/**
 * 单身状态确认: members of the staffer's unions who asked their union to confirm they are single (their name and
 * union only — never their 交友资料). Confirm, or decline with a reason the member sees; each confirmed first.
 * Test ids `matchmaking-confirmations` (the page), `matchmaking-confirm-item` (name inside), `matchmaking-confirm-yes`,
 * `matchmaking-confirm-no`, `matchmaking-confirm-dialog`, `matchmaking-confirm-note` (its error `-error`).
 */
export default function Confirmations() {
  const [filter, setFilter] = useState<Filter>('requested');
  const list = usePagedRemote((page) => call('matchmaking.confirmations', { status: filter, page }), {
    refreshOnShow: true,
    deps: [filter],
  });
  const [target, setTarget] = useState<{ item: ConfirmationItem; decision: 'confirm' | 'reject' } | null>(null);
  const [note, setNote] = useState('');
  const act = useAction();
  const decide = () => {
    if (!target) return;
    if (target.decision === 'reject' && !note.trim()) return act.setFieldErrors({ note: '请填写未确认的原因，会员将看到该原因' });
    return act.run(
      () =>
        call('matchmaking.decideSingle', {
          openid: target.item.openid,
          decision: target.decision,
          ...(note.trim() ? { note: note.trim() } : {}),
        }),
      {
        success: '已处理',
        failTitle: '未能处理',
        fieldKey: (field) => (field === 'note' && target.decision === 'reject' ? 'note' : undefined),
        onDone: () => {
          setTarget(null);
          setNote('');
          list.reload();
        },
        onFail: () => list.reload(), // perhaps decided by a colleague meanwhile
      },
    );
  };
  const choose = (item: ConfirmationItem, decision: 'confirm' | 'reject') => {
    act.setFieldErrors({});
    setTarget({ item, decision });
  };
  return (
    <PageShell className='mm-confirmations' page='matchmakingConfirmations' testId='matchmaking-confirmations'>
      <Tabs prefix='mm' tabs={TABS} value={filter} onChange={setFilter} />
      <View className='section'>
        <Text className='mm-intro'>
          部分联谊活动要求所在单位工会确认会员的单身状态。请核实后处理；您只能看到申请人的姓名和所在工会，看不到其交友资料。
        </Text>
      </View>
      <PagedList list={list} emptyText={filter === 'requested' ? '暂无待确认的申请' : '暂无记录'}>
        {(item) => (
          <View key={item.openid} className='mm-card mm-confirm-item' data-testid='matchmaking-confirm-item'>
            <View className='mm-head'>
              <Text className='mm-confirm-name'>{item.name}</Text>
              <Text
                className={`tag ${item.status === 'confirmed' ? 'tag-approved' : item.status === 'rejected' ? 'tag-rejected' : 'tag-pending'}`}
              >
                {item.statusText}
              </Text>
              <OverdueTag days={item.overdueDays} />
            </View>
            <Text className='mm-card-line'>{item.orgName}</Text>
            <Text className='mm-card-line muted'>
              {item.requestedAt ? `申请于 ${dayTime(item.requestedAt)}` : `声明于 ${dayTime(item.declaredAt)}`}
              {item.decidedAt ? ` · 处理于 ${dayTime(item.decidedAt)}` : ''}
            </Text>
            {item.note && <Text className='mm-card-line muted'>原因：{item.note}</Text>}
            {item.status === 'requested' && (
              <View className='mm-actions mm-confirm-actions'>
                <Button
                  small
                  kind='plain'
                  className='mm-confirm-no'
                  testId='matchmaking-confirm-no'
                  onClick={() => choose(item, 'reject')}
                >
                  不予确认
                </Button>
                <Button small className='mm-confirm-yes' testId='matchmaking-confirm-yes' onClick={() => choose(item, 'confirm')}>
                  确认单身
                </Button>
              </View>
            )}
          </View>
        )}
      </PagedList>
      <ConfirmDialog
        visible={!!target}
        title={target?.decision === 'confirm' ? `确认${target.item.name}目前为单身？` : `不予确认${target?.item.name ?? ''}？`}
        className='mm-confirm-dialog'
        testId='matchmaking-confirm-dialog'
        busy={act.busy}
        onConfirm={() => void decide()}
        onCancel={() => setTarget(null)}
      >
        <View>
          <Text>{target?.decision === 'confirm' ? '确认将记入操作日志，会员将收到通知。' : '请填写原因，会员将看到。'}</Text>
          {target?.decision === 'reject' && (
            <View data-testid='matchmaking-confirm-note'>
              <Textarea
                className='mm-input mm-textarea mm-confirm-note'
                value={note}
                maxlength={100}
                placeholder='未确认的原因'
                onInput={(e) => (setNote(e.detail.value), act.clearField('note'))}
              />
            </View>
          )}
          {act.fieldErrors.note && (
            <Text className='mm-field-error' data-testid='matchmaking-confirm-note-error'>
              {act.fieldErrors.note}
            </Text>
          )}
        </View>
      </ConfirmDialog>
    </PageShell>
  );
}
