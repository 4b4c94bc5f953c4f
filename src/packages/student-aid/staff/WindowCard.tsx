import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { call } from '../../../api/client';
import type { OutputOf } from '../../../api/types';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { Field } from '../../../components/Field';
import { Row } from '../../../components/Row';
import { useAction } from '../../../hooks/useAction';
import { useRemote } from '../../../hooks/useRemote';
import { openExport } from '../../../utils/openExport';

type WindowView = OutputOf<'studentAid.windows'>[number];

/** Objections to a published list, each upheld (the grant is withdrawn) or dismissed with what was found. */
function Objections({ windowId }: { windowId: string }) {
  const list = useRemote(() => call('studentAid.objections', { windowId, status: 'open' }), { deps: [windowId] });
  const act = useAction();
  const [note, setNote] = useState('');
  const resolve = (objectionId: string, decision: 'uphold' | 'dismiss') =>
    act.run(() => call('studentAid.resolveObjection', { objectionId, decision, note }), {
      success: '已处理',
      failTitle: '未能处理异议',
      onDone: list.reload,
    });
  if (!list.data?.items.length) return null;
  return (
    <View>
      <Text className='sa-title'>待处理异议</Text>
      {list.data.items.map((o) => (
        <View key={o.objectionId} data-testid='student-aid-objection'>
          <Row label={`序号${o.ticket} ${o.maskedName}`}>{o.reason}</Row>
          <View className='sa-actions'>
            <Button kind='plain' testId='student-aid-dismiss' onClick={() => resolve(o.objectionId, 'dismiss')}>
              异议不成立
            </Button>
            <Button kind='plain' testId='student-aid-uphold' onClick={() => resolve(o.objectionId, 'uphold')}>
              异议成立，取消资助
            </Button>
          </View>
        </View>
      ))}
      <Field
        label='核实结果（记入操作日志）'
        name='sa-resolve-note'
        testId='student-aid-resolve-note'
        value={note}
        {...act.field('note', setNote)}
      />
    </View>
  );
}

/**
 * A window on the staff page: its dates and counts; for the union that opened it, 公示 of the grant list (with a
 * confirmation), the objections, and the Excel export. Test ids `student-aid-window-card`, `student-aid-publish`,
 * `student-aid-export`.
 */
export function WindowCard({ w, onChanged }: { w: WindowView; onChanged: () => void }) {
  const act = useAction();
  const [confirming, setConfirming] = useState(false);
  const publish = () =>
    act.run(() => call('studentAid.publish', { windowId: w.windowId }), {
      success: '已公示',
      failTitle: '未能公示',
      onDone: () => {
        setConfirming(false);
        onChanged();
      },
      onFail: () => setConfirming(false),
    });
  const exportList = () =>
    act.run(() => call('studentAid.export', { windowId: w.windowId }), {
      failTitle: '未能导出',
      onDone: (file) => void openExport(file.url, file.fileName),
    });
  return (
    <View className='sa-card' data-testid='student-aid-window-card'>
      <Text className='sa-title'>
        {w.title} · {w.orgName}
      </Text>
      <Row label='申请时间'>
        {w.opensOn} 至 {w.closesOn}
      </Row>
      <Row label='已批准'>{w.approvedCount} 人</Row>
      <Row label='公示'>{w.publicity ? (w.publicity.open ? '公示中' : '公示期已结束') : '未公示'}</Row>
      {w.manages && (
        <View className='sa-actions'>
          {!w.publicity && (
            <Button kind='plain' testId='student-aid-publish' onClick={() => setConfirming(true)}>
              公示资助名单
            </Button>
          )}
          <Button kind='plain' testId='student-aid-export' loading={act.busy} loadingText='导出中…' onClick={exportList}>
            导出资助名单
          </Button>
        </View>
      )}
      {w.manages && w.publicity && <Objections windowId={w.windowId} />}
      <ConfirmDialog
        visible={confirming}
        title='公示资助名单'
        testId='student-aid-publish-dialog'
        busy={act.busy}
        onConfirm={publish}
        onCancel={() => setConfirming(false)}
      >
        公示5天，名单只显示学生姓名（部分隐藏）、学段、金额和所在工会。公示后不能再审定新的申请。
      </ConfirmDialog>
    </View>
  );
}
