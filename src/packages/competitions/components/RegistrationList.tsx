import { useState } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { call, errorMessage } from '../../../api/client';
import { BatchBar } from '../../../components/BatchBar';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { useAction } from '../../../hooks/useAction';
import { RegistrationCard } from './RegistrationCard';
import { RegistrationDetailDialog } from './RegistrationDetailDialog';
import type { RegistrationDetail, RegistrationRow } from '../types';

export type Decision = 'confirm' | 'decline' | 'approve' | 'reject';
const ASK: Record<Decision, { title: (n: number) => string; ok: string; reason?: string }> = {
  confirm: { title: (n) => `确认推荐所选 ${n} 条报名？`, ok: '确认推荐' },
  decline: { title: (n) => `所选 ${n} 条不予推荐？`, ok: '不予推荐', reason: '不予推荐的原因（职工将看到）' },
  approve: { title: (n) => `审核通过所选 ${n} 条报名？`, ok: '审核通过' },
  reject: { title: (n) => `所选 ${n} 条不予通过？`, ok: '不予通过', reason: '未通过的原因（职工将看到）' },
};

interface Props {
  rows: RegistrationRow[];
  /** Which rows may be ticked, and the two decisions offered for them. */
  selectable: (r: RegistrationRow) => boolean;
  decisions: [Decision, Decision] | null;
  showEvent?: boolean;
  onChanged: () => void;
}

/**
 * Registrations as staff see them, ticked and decided in bulk (单位推荐 or the organiser's review, each
 * confirmed first; a refusal needs a reason), and opened for details with certificate photos (audited; shown by
 * RegistrationDetailDialog).
 * Test ids `competitions-reg` (name inside), `competitions-reg-select`, `competitions-decide-<decision>`,
 * `competitions-decide-words` (the dialog's words).
 */
export function RegistrationList({ rows, selectable, decisions, showEvent, onChanged }: Props) {
  const [selected, setSelected] = useState<string[]>([]);
  const [ask, setAsk] = useState<Decision | null>(null);
  const [reason, setReason] = useState('');
  const action = useAction();
  const busy = action.busy;
  const reasonError = action.fieldErrors.reason;
  const [detail, setDetail] = useState<RegistrationDetail | null>(null);

  const open = async (r: RegistrationRow) => {
    try {
      setDetail(await call('competitions.registration', { enrollmentId: r._id }));
    } catch (e) {
      void Taro.showToast({ title: errorMessage(e), icon: 'none' });
    }
  };
  const decide = () => {
    if (!ask || busy) return;
    const needsReason = !!ASK[ask].reason;
    if (needsReason && !reason.trim()) return action.setFieldErrors({ reason: '请填写原因，职工将看到该原因' });
    const byEvent = new Map<string, string[]>();
    for (const id of selected) {
      const row = rows.find((r) => r._id === id);
      if (row) byEvent.set(row.eventId, [...(byEvent.get(row.eventId) ?? []), id]);
    }
    const work = async () => {
      const failed: string[] = [];
      let done = 0;
      for (const [activityId, enrollmentIds] of byEvent) {
        const r =
          ask === 'confirm' || ask === 'decline'
            ? await call('enrollment.unitConfirm', {
                activityId,
                enrollmentIds,
                decision: ask,
                ...(needsReason ? { reason: reason.trim() } : {}),
              })
            : await call('enrollment.review', {
                activityId,
                enrollmentIds,
                decision: ask,
                ...(needsReason ? { reason: reason.trim() } : {}),
              });
        done += r.done.length;
        failed.push(...r.failed.map((f) => `${f.name || '该报名'}：${f.message}`));
      }
      return { done, failed };
    };
    void action.run(work, {
      failTitle: '未能处理',
      onDone: ({ done, failed }) => {
        setAsk(null);
        setReason('');
        setSelected([]);
        if (failed.length) void Taro.showModal({ title: `${done} 条已处理`, content: failed.join('\n'), showCancel: false });
        else void Taro.showToast({ title: `已处理 ${done} 条`, icon: 'success' });
        onChanged();
      },
      onFail: () => {
        setAsk(null);
        onChanged();
      },
    });
  };

  return (
    <View>
      {rows.map((r) => {
        const pick = selectable(r);
        const on = selected.includes(r._id);
        return (
          <RegistrationCard
            key={r._id}
            r={r}
            pick={pick}
            on={on}
            showEvent={showEvent}
            onToggle={() => setSelected(on ? selected.filter((s) => s !== r._id) : [...selected, r._id])}
            onOpen={() => void open(r)}
          />
        );
      })}
      {decisions && selected.length > 0 && (
        <BatchBar className='competitions-actions' testId='competitions-batch-bar'>
          <Button
            kind='plain'
            className={`competitions-decide-${decisions[1]}`}
            testId={`competitions-decide-${decisions[1]}`}
            disabled={busy}
            onClick={() => (action.clearField('reason'), setAsk(decisions[1]))}
          >
            {ASK[decisions[1]].ok}（{selected.length}）
          </Button>
          <Button
            className={`competitions-decide-${decisions[0]}`}
            testId={`competitions-decide-${decisions[0]}`}
            loading={busy}
            onClick={() => setAsk(decisions[0])}
          >
            {ASK[decisions[0]].ok}（{selected.length}）
          </Button>
        </BatchBar>
      )}
      <ConfirmDialog
        visible={!!ask}
        title={ask ? ASK[ask].title(selected.length) : ''}
        confirmText={ask ? ASK[ask].ok : '确定'}
        className='competitions-decide-dialog'
        busy={busy}
        onConfirm={decide}
        onCancel={() => setAsk(null)}
      >
        {ask && ASK[ask].reason ? (
          <View data-testid='competitions-decide-words'>
            <Textarea
              className='competitions-input competitions-textarea competitions-decide-reason'
              data-testid='competitions-decide-reason'
              value={reason}
              maxlength={200}
              placeholder={ASK[ask].reason}
              onInput={(e) => {
                setReason(e.detail.value);
                action.clearField('reason');
              }}
            />
            {reasonError && (
              <Text className='competitions-field-error' data-testid='competitions-decide-error'>
                {reasonError}
              </Text>
            )}
          </View>
        ) : (
          <Text data-testid='competitions-decide-words'>
            {ask === 'confirm' ? '确认后交组织单位审核，职工将收到通知。' : '通过后参赛资格确定，职工将收到通知。'}
          </Text>
        )}
      </ConfirmDialog>
      <RegistrationDetailDialog detail={detail} onClose={() => setDetail(null)} />
    </View>
  );
}
