import { useState } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { call, errorMessage } from '../../../../api/client';
import { Button } from '../../../../components/Button';
import { ConfirmDialog } from '../../../../components/ConfirmDialog';
import { useRemote } from '../../../../hooks/useRemote';
import { dayTime } from '../../format';
import type { ReportView } from '../../types';

/**
 * Open reports about this event's participants: the organiser removes the person (their place is taken away, they
 * are told the note — never who reported) or dismisses, with a note either way. e2e hooks `.mm-report-item`,
 * `.mm-resolve-remove`, `.mm-resolve-dismiss`, `.mm-resolve-note`, `.mm-resolve-dialog`.
 */
export function Reports({ activityId, onChanged }: { activityId: string; onChanged: () => void }) {
  const reports = useRemote(() => call('matchmaking.reports', { activityId, status: 'open' }), { refreshOnShow: true });
  const [target, setTarget] = useState<{ report: ReportView; decision: 'remove' | 'dismiss' } | null>(null);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const items = reports.data?.items ?? [];
  if (!items.length) return null;
  const resolve = async () => {
    if (!target || busy) return;
    if (note.trim().length < 2) return setProblem('请填写处理说明（移出时会员将看到该说明）');
    setBusy(true);
    try {
      await call('matchmaking.resolveReport', { reportId: target.report._id, decision: target.decision, note: note.trim() });
      setTarget(null);
      setNote('');
      void Taro.showToast({ title: '已处理', icon: 'success' });
      reports.reload();
      onChanged();
    } catch (e) {
      setProblem(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className='section mm-reports'>
      <Text className='section-title'>待处理的举报（{items.length}）</Text>
      {items.map((r) => (
        <View key={r._id} className='mm-report-item'>
          <Text className='mm-line'>
            被举报：{r.reported.name}（{r.reported.orgName}，昵称“{r.reported.nickname}”）
          </Text>
          <Text className='mm-line'>
            {r.categoryText}：{r.detail}
          </Text>
          <Text className='mm-line muted'>
            举报人 {r.reporterName} · {dayTime(r.createdAt)}
          </Text>
          <View className='mm-actions'>
            <Button
              small
              kind='plain'
              className='mm-resolve-dismiss'
              onClick={() => (setProblem(null), setTarget({ report: r, decision: 'dismiss' }))}
            >
              不成立
            </Button>
            <Button
              small
              className='mm-resolve-remove'
              onClick={() => (setProblem(null), setTarget({ report: r, decision: 'remove' }))}
            >
              移出活动
            </Button>
          </View>
        </View>
      ))}
      <ConfirmDialog
        visible={!!target}
        title={target?.decision === 'remove' ? `将${target.report.reported.name}移出本场活动？` : '举报不成立？'}
        className='mm-resolve-dialog'
        busy={busy}
        onConfirm={() => void resolve()}
        onCancel={() => setTarget(null)}
      >
        <View>
          <Text>
            {target?.decision === 'remove'
              ? '移出后其名额取消，本场的互选和资料对他人不再可见；会员将看到下面的说明（不会知道举报人）。'
              : '记录核实结果，举报关闭。'}
          </Text>
          <Textarea
            className='mm-input mm-textarea mm-resolve-note'
            value={note}
            maxlength={200}
            placeholder='处理说明'
            onInput={(e) => setNote(e.detail.value)}
          />
          {problem && <Text className='mm-field-error'>{problem}</Text>}
        </View>
      </ConfirmDialog>
    </View>
  );
}
