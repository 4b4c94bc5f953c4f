import { useState } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { call } from '../../../api/client';
import { useAction } from '../../../hooks/useAction';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { PageShell } from '../../../components/PageShell';
import { StateView } from '../../../components/StateView';
import { useRemote } from '../../../hooks/useRemote';
import { dayTime, score } from '../format';
import type { ResultsView } from '../types';
import '../competitions.scss';
import './index.scss';

type Row = ResultsView['rows'][number];

/**
 * 成绩公示 / 最终成绩: the ranking with masked names and union names; during the 公示 any member may object to
 * an entry (their own too) with a reason. Test ids `competitions-results` (the page), `competitions-result-row`
 * (rank and name inside), `competitions-object`, `competitions-result-state`.
 */
export default function Results() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const remote = useRemote(() => call('competitions.results', { eventId: id }), { refreshOnShow: true });
  const r = remote.data;
  const [target, setTarget] = useState<Row | null>(null);
  const [reason, setReason] = useState('');
  const action = useAction();
  const reasonError = action.fieldErrors.reason;

  const submit = () => {
    if (!target) return;
    if (reason.trim().length < 5) return action.setFieldErrors({ reason: '请写明异议理由（至少5个字），组织单位将核实处理' });
    void action.run(() => call('competitions.objectResult', { eventId: id, ticket: target.ticket, reason: reason.trim() }), {
      success: '异议已提交',
      // the dialog shows one field: any refusal is said under it, and the dialog stays
      fieldKey: () => 'reason',
      onDone: () => {
        setTarget(null);
        setReason('');
      },
    });
  };

  return (
    <PageShell className='cmp-results' page='competitionResults' title={r?.status === 'final' ? '最终成绩' : undefined}>
      <View data-testid='competitions-results'>
        <StateView loading={remote.loading && !r} error={remote.error} errorCode={remote.errorCode} onRetry={remote.reload}>
          {r && (
            <View>
              <View className='section'>
                <Text className='section-title'>{r.title}</Text>
                <Text className='cmp-line cmp-result-state' data-testid='competitions-result-state'>
                  {r.status === 'final'
                    ? '成绩已确定。'
                    : r.open
                      ? `公示期至 ${dayTime(r.until)}，如对某条成绩有异议，请点击该行的“异议”并写明理由。`
                      : '公示期已结束，组织单位正在确认最终成绩。'}
                </Text>
                <Text className='cmp-line muted'>
                  总成绩 = 理论 × {r.weights.theory}% + 实操 × {r.weights.practical}%。{r.tieRule}。
                </Text>
                {r.corrections.map((c) => (
                  <Text key={`${c.ticket}-${c.at}`} className='cmp-line cmp-warn'>
                    更正（{dayTime(c.at)}）：{c.note}
                  </Text>
                ))}
              </View>
              <View className='section'>
                {r.rows.map((row) => (
                  <View
                    key={row.ticket}
                    className={`cmp-result-row ${row.mine ? 'cmp-result-mine' : ''}`}
                    data-testid='competitions-result-row'
                  >
                    <Text className='cmp-rank'>{row.absent ? '缺考' : (row.rank ?? '—')}</Text>
                    <View className='cmp-item-main'>
                      <Text className='cmp-item-name'>
                        {row.displayName}
                        {row.mine ? '（我）' : ''}
                      </Text>
                      <Text className='muted cmp-block'>{row.orgName}</Text>
                      {!row.absent && (
                        <Text className='muted cmp-block'>
                          理论 {score(row.theory)} · 实操 {score(row.practical)}
                        </Text>
                      )}
                    </View>
                    <View className='cmp-item-side'>
                      <Text className='cmp-total'>{score(row.total)}</Text>
                      {row.prize && <Text className='tag tag-gold cmp-prize'>{row.prize}</Text>}
                      {row.honours.map((h) => (
                        <Text key={h} className='cmp-honour'>
                          {h}
                        </Text>
                      ))}
                      {r.open && (
                        <Text
                          className='cmp-object'
                          data-testid='competitions-object'
                          onClick={() => {
                            action.clearField('reason');
                            setTarget(row);
                          }}
                        >
                          异议
                        </Text>
                      )}
                    </View>
                  </View>
                ))}
              </View>
            </View>
          )}
        </StateView>
      </View>
      <ConfirmDialog
        visible={!!target}
        title={`对“${target?.displayName ?? ''}”的成绩提出异议`}
        confirmText='提交'
        busy={action.busy}
        className='cmp-object-dialog'
        onConfirm={submit}
        onCancel={() => setTarget(null)}
      >
        <Textarea
          className='cmp-input cmp-textarea cmp-object-reason'
          data-testid='competitions-object-reason'
          value={reason}
          maxlength={300}
          placeholder='请写明异议理由，组织单位将核实处理（提出人不会公开）'
          onInput={(e) => {
            setReason(e.detail.value);
            action.clearField('reason');
          }}
        />
        {reasonError && (
          <Text className='cmp-field-error' data-testid='competitions-object-error'>
            {reasonError}
          </Text>
        )}
      </ConfirmDialog>
    </PageShell>
  );
}
