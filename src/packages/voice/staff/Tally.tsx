import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { call } from '../../../api/client';
import { Button } from '../../../components/Button';
import { Field } from '../../../components/Field';
import { StateView } from '../../../components/StateView';
import { useAction } from '../../../hooks/useAction';
import { useRemote } from '../../../hooks/useRemote';
import { openExport } from '../../../utils/openExport';

const thisMonth = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);

/**
 * 安康杯统计: per unit in the caller's subtree for one month — hazards by urgency and state, suggestions and how many
 * were adopted — and the same as Excel. Test ids `voice-tally-month`, `voice-tally-row`, `voice-tally-total`,
 * `voice-export`.
 */
export function Tally() {
  const [month, setMonth] = useState(thisMonth);
  const valid = /^20\d\d-(0[1-9]|1[0-2])$/.test(month);
  const tally = useRemote(() => (valid ? call('voice.tally', { month }) : Promise.resolve(null)), { deps: [month] });
  const act = useAction();
  const t = tally.data;
  return (
    <View>
      <View className='vc-card'>
        <Field label='月份' name='vc-month' testId='voice-tally-month' value={month} placeholder='YYYY-MM' onInput={setMonth} />
        <Button
          kind='plain'
          testId='voice-export'
          loading={act.busy}
          disabled={!valid}
          onClick={() =>
            act.run(() => call('voice.exportTally', { month }), {
              failTitle: '未能导出',
              onDone: (link) => void openExport(link.url, `职工建言统计-${month}.xlsx`),
            })
          }
        >
          导出 Excel
        </Button>
      </View>
      <StateView remote={tally} empty={!!t && t.rows.length === 0} emptyText='这个月所辖单位没有隐患报告和合理化建议。'>
        {t && t.rows.length > 0 && (
          <View className='vc-card'>
            {t.rows.map((r) => (
              <View key={r.orgId} className='vc-tally-row' data-testid='voice-tally-row'>
                <Text className='vc-title'>{r.orgName}</Text>
                <Text className='muted'>
                  隐患 {r.hazards} 条（紧急 {r.hazardsCritical}、较急 {r.hazardsUrgent}、一般 {r.hazardsNormal}；已办结{' '}
                  {r.hazardsClosed}
                  、办理中 {r.hazardsOpen}）；合理化建议 {r.suggestions} 条，已采纳 {r.suggestionsAdopted}
                </Text>
              </View>
            ))}
            <Text className='vc-title' data-testid='voice-tally-total'>
              合计：隐患 {t.total.hazards} 条，合理化建议 {t.total.suggestions} 条，已采纳 {t.total.suggestionsAdopted}
            </Text>
          </View>
        )}
      </StateView>
    </View>
  );
}
