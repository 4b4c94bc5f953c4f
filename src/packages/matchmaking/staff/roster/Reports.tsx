import { useState } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import { call } from '../../../../api/client';
import { Button } from '../../../../components/Button';
import { ConfirmDialog } from '../../../../components/ConfirmDialog';
import { useAction } from '../../../../hooks/useAction';
import { useRemote } from '../../../../hooks/useRemote';
import { dayTime } from '../../format';
import type { ReportView } from '../../types';

/**
 * Open reports about this event's participants: the organiser removes the person (their place is taken away, they
 * are told the note — never who reported) or dismisses, with a note either way. Test ids `matchmaking-report-item`,
 * `matchmaking-resolve-remove`, `matchmaking-resolve-dismiss`, `matchmaking-resolve-note` (its error `-error`),
 * `matchmaking-resolve-dialog`.
 */
export function Reports({ activityId, onChanged }: { activityId: string; onChanged: () => void }) {
  const reports = useRemote(() => call('matchmaking.reports', { activityId, status: 'open' }), { refreshOnShow: true });
  const [target, setTarget] = useState<{ report: ReportView; decision: 'remove' | 'dismiss' } | null>(null);
  const [note, setNote] = useState('');
  const act = useAction();
  const items = reports.data?.items ?? [];
  if (!items.length) return null;
  const resolve = () => {
    if (!target) return;
    if (note.trim().length < 2) return act.setFieldErrors({ note: '请填写处理说明（移出时会员将看到该说明）' });
    return act.run(
      () => call('matchmaking.resolveReport', { reportId: target.report._id, decision: target.decision, note: note.trim() }),
      {
        success: '已处理',
        failTitle: '未能处理',
        fieldKey: (field) => (field === 'note' ? 'note' : undefined),
        onDone: () => {
          setTarget(null);
          setNote('');
          reports.reload();
          onChanged();
        },
        onFail: () => reports.reload(), // perhaps handled by a colleague meanwhile
      },
    );
  };
  const choose = (report: ReportView, decision: 'remove' | 'dismiss') => {
    act.setFieldErrors({});
    setTarget({ report, decision });
  };
  return (
    <View className='section mm-reports'>
      <Text className='section-title'>待处理的举报（{items.length}）</Text>
      {items.map((r) => (
        <View key={r._id} className='mm-report-item' data-testid='matchmaking-report-item'>
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
              testId='matchmaking-resolve-dismiss'
              onClick={() => choose(r, 'dismiss')}
            >
              不成立
            </Button>
            <Button small className='mm-resolve-remove' testId='matchmaking-resolve-remove' onClick={() => choose(r, 'remove')}>
              移出活动
            </Button>
          </View>
        </View>
      ))}
      <ConfirmDialog
        visible={!!target}
        title={target?.decision === 'remove' ? `将${target.report.reported.name}移出本场活动？` : '举报不成立？'}
        className='mm-resolve-dialog'
        testId='matchmaking-resolve-dialog'
        busy={act.busy}
        onConfirm={() => void resolve()}
        onCancel={() => setTarget(null)}
      >
        <View>
          <Text>
            {target?.decision === 'remove'
              ? '移出后其名额取消，本场的互选和资料对他人不再可见；会员将看到下面的说明（不会知道举报人）。'
              : '记录核实结果，举报关闭。'}
          </Text>
          <View data-testid='matchmaking-resolve-note'>
            <Textarea
              className='mm-input mm-textarea mm-resolve-note'
              value={note}
              maxlength={200}
              placeholder='处理说明'
              onInput={(e) => (setNote(e.detail.value), act.clearField('note'))}
            />
          </View>
          {act.fieldErrors.note && (
            <Text className='mm-field-error' data-testid='matchmaking-resolve-note-error'>
              {act.fieldErrors.note}
            </Text>
          )}
        </View>
      </ConfirmDialog>
    </View>
  );
}
