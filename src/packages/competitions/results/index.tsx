import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { call } from '../../../api/client';
import { PageShell } from '../../../components/PageShell';
import { ObjectButton, ObjectionDialog, PublicityWindow } from '../../../components/publicity';
import { StateView } from '../../../components/StateView';
import { useRemote } from '../../../hooks/useRemote';
import { dayTime, score } from '../format';
import type { ResultsView } from '../types';
import '../competitions.scss';
import './index.scss';

type Row = ResultsView['rows'][number];

/**
 * 成绩公示 / 最终成绩: the ranking with masked names and union names; during the 公示 any member may object to
 * an entry (their own too) with a reason (the one 公示 display and objection dialog: components/publicity). Test ids `competitions-results` (the page), `competitions-result-row`
 * (rank and name inside), `competitions-object`, `competitions-result-state`.
 */
export default function Results() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const remote = useRemote(() => call('competitions.results', { eventId: id }), { refreshOnShow: true });
  const r = remote.data;
  const [target, setTarget] = useState<Row | null>(null);

  return (
    <PageShell className='competitions-results' page='competitionResults' title={r?.status === 'final' ? '最终成绩' : undefined}>
      <View data-testid='competitions-results'>
        <StateView remote={remote} loading={remote.loading && !r}>
          {r && (
            <View>
              <View className='section'>
                <Text className='section-title'>{r.title}</Text>
                <PublicityWindow
                  open={r.status !== 'final' && r.open}
                  until={r.until}
                  where='有异议成绩所在行的“异议”'
                  closedText={r.status === 'final' ? '成绩已确定。' : '公示期已结束，组织单位正在确认最终成绩。'}
                  className='competitions-line competitions-result-state'
                  testId='competitions-result-state'
                />
                <Text className='competitions-line muted'>
                  总成绩 = 理论 × {r.weights.theory}% + 实操 × {r.weights.practical}%。{r.tieRule}。
                </Text>
                {r.corrections.map((c) => (
                  <Text key={`${c.ticket}-${c.at}`} className='competitions-line competitions-warn'>
                    更正（{dayTime(c.at)}）：{c.note}
                  </Text>
                ))}
              </View>
              <View className='section'>
                {r.rows.map((row) => (
                  <View
                    key={row.ticket}
                    className={`competitions-result-row ${row.mine ? 'competitions-result-mine' : ''}`}
                    data-testid='competitions-result-row'
                  >
                    <Text className='competitions-rank'>{row.absent ? '缺考' : (row.rank ?? '—')}</Text>
                    <View className='competitions-item-main'>
                      <Text className='competitions-item-name'>
                        {row.displayName}
                        {row.mine ? '（我）' : ''}
                      </Text>
                      <Text className='muted competitions-block'>{row.orgName}</Text>
                      {!row.absent && (
                        <Text className='muted competitions-block'>
                          理论 {score(row.theory)} · 实操 {score(row.practical)}
                        </Text>
                      )}
                    </View>
                    <View className='competitions-item-side'>
                      <Text className='competitions-total'>{score(row.total)}</Text>
                      {row.prize && <Text className='tag tag-gold competitions-prize'>{row.prize}</Text>}
                      {row.honours.map((h) => (
                        <Text key={h} className='competitions-honour'>
                          {h}
                        </Text>
                      ))}
                      {r.open && (
                        <ObjectButton
                          className='competitions-object'
                          testId='competitions-object'
                          onClick={() => setTarget(row)}
                        />
                      )}
                    </View>
                  </View>
                ))}
              </View>
            </View>
          )}
        </StateView>
      </View>
      <ObjectionDialog
        target={target ? { ticket: target.ticket, label: target.displayName } : null}
        title={`对“${target?.displayName ?? ''}”的成绩提出异议`}
        checkedBy='组织单位'
        file={(ticket, reason) => call('competitions.objectResult', { eventId: id, ticket, reason })}
        onClose={() => setTarget(null)}
        testIdPrefix='competitions'
        classPrefix='competitions'
      />
    </PageShell>
  );
}
