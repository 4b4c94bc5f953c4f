import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { call } from '../../../api/client';
import type { OutputOf } from '../../../api/types';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { Field } from '../../../components/Field';
import { PagedList } from '../../../components/PagedList';
import { usePagedRemote } from '../../../hooks/usePagedRemote';
import { useAction } from '../../../hooks/useAction';
import { formatDateTime } from '../../../utils/format';

type Publicity = OutputOf<'hardship.publicity'>;
type Objection = OutputOf<'hardship.objections'>['items'][number];

/**
 * For staff of the publishing district: the objections (whom each is about, never who objected), each upheld —
 * after a confirmation, since it closes that family's file — or dismissed with a note; withdrawing the 公示 (with
 * a reason, confirmed) while open; ending it once the period is over. Test ids: `hardship-objection`,
 * `hardship-objection-note`, `hardship-uphold`, `hardship-dismiss`, `hardship-confirm-uphold`,
 * `hardship-pub-withdraw`, `hardship-pub-withdraw-reason`, `hardship-pub-finalize`.
 */
export function PublicityStaffPanel({ publicity, onChanged }: { publicity: Publicity; onChanged: () => void }) {
  const act = useAction();
  const list = usePagedRemote((page) => call('hardship.objections', { publicityId: publicity.publicityId, page }), {
    deps: [publicity.publicityId],
  });
  const [withdrawing, setWithdrawing] = useState(false);
  const [reason, setReason] = useState('');
  const refresh = () => {
    list.reload();
    onChanged();
  };
  const withdraw = () =>
    act.run(() => call('hardship.withdrawPublicity', { publicityId: publicity.publicityId, reason: reason.trim() }), {
      success: '已撤回',
      failTitle: '未能撤回',
      onDone: () => {
        setWithdrawing(false);
        refresh();
      },
    });
  const finalize = () =>
    act.run(() => call('hardship.finalizePublicity', { publicityId: publicity.publicityId }), {
      success: '公示已结束',
      failTitle: '暂不能结束公示',
      onDone: refresh,
    });
  return (
    <View className='hs-card'>
      <Text className='hs-title'>异议处理</Text>
      <PagedList list={list} emptyText='暂无异议'>
        {(o) => <ObjectionItem key={o.objectionId} objection={o} onDone={refresh} />}
      </PagedList>
      {publicity.status === 'publicity' && (
        <View className='hs-actions'>
          {!publicity.open && (
            <Button kind='plain' testId='hardship-pub-finalize' loading={act.busy} onClick={finalize}>
              结束公示
            </Button>
          )}
          <Button kind='quiet' testId='hardship-pub-withdraw' onClick={() => setWithdrawing(true)}>
            撤回公示
          </Button>
        </View>
      )}
      <ConfirmDialog
        visible={withdrawing}
        title='撤回公示'
        confirmText='撤回'
        busy={act.busy}
        onConfirm={withdraw}
        onCancel={() => setWithdrawing(false)}
      >
        <Field
          label='撤回原因'
          name='hs-input'
          testId='hardship-pub-withdraw-reason'
          value={reason}
          placeholder='如：拟帮扶金额有误，更正后重新公示'
          {...act.field('reason', setReason)}
        />
      </ConfirmDialog>
    </View>
  );
}

function ObjectionItem({ objection: o, onDone }: { objection: Objection; onDone: () => void }) {
  const act = useAction();
  const [note, setNote] = useState('');
  const [confirming, setConfirming] = useState(false);
  const resolve = (decision: 'uphold' | 'dismiss') =>
    act.run(() => call('hardship.resolveObjection', { objectionId: o.objectionId, decision, note: note.trim() }), {
      success: decision === 'uphold' ? '异议成立，档案已办结' : '已处理',
      failTitle: '未能处理',
      onDone: () => {
        setConfirming(false);
        onDone();
      },
    });
  return (
    <View className='hs-pub-row' data-testid='hardship-objection'>
      <View>
        <Text className='hs-title'>
          {o.ticket} {o.name} · {o.status === 'open' ? '待处理' : o.status === 'upheld' ? '异议成立' : '异议不成立'}
        </Text>
        <Text className='muted'>
          {formatDateTime(o.createdAt)} {o.reason}
        </Text>
        {o.note && <Text className='muted'>处理意见：{o.note}</Text>}
        {o.status === 'open' && (
          <View>
            <Field
              label='处理意见'
              name='hs-input'
              testId='hardship-objection-note'
              value={note}
              placeholder='核实情况，会员可见'
              {...act.field('note', setNote)}
            />
            <View className='hs-actions'>
              <Button kind='plain' testId='hardship-dismiss' loading={act.busy} onClick={() => resolve('dismiss')}>
                异议不成立
              </Button>
              <Button kind='quiet' testId='hardship-uphold' onClick={() => setConfirming(true)}>
                异议成立
              </Button>
            </View>
          </View>
        )}
      </View>
      <ConfirmDialog
        visible={confirming}
        title='确认异议成立'
        confirmText='确认'
        busy={act.busy}
        testId='hardship-confirm-uphold'
        onConfirm={() => resolve('uphold')}
        onCancel={() => setConfirming(false)}
      >
        <Text>异议成立将办结该家庭的困难职工档案并从公示中撤销，不能发放帮扶资金。</Text>
      </ConfirmDialog>
    </View>
  );
}
