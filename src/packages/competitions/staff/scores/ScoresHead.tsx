import { Text, View } from '@tarojs/components';
import type { OutputOf } from '../../../../api/types';
import { Button } from '../../../../components/Button';
import { dayTime } from '../../format';

export type Act = 'publish' | 'finalize';
type Ranking = OutputOf<'competitions.ranking'>;
type EventView = OutputOf<'competitions.event'>['event'];

/**
 * Where the event's results stand (entering, 公示, final) and the organiser's next steps: publish, finalize,
 * export, view the 公示. Test ids `competitions-scores-state`, `competitions-publish`, `competitions-finalize`.
 */
export function ScoresHead({
  r,
  ev,
  draft,
  unsaved,
  exporting,
  onAsk,
  onExport,
  onViewResults,
}: {
  r: Ranking;
  ev: EventView | undefined;
  draft: boolean;
  /** Rows edited and not saved yet: publishing waits for them. */
  unsaved: number;
  exporting: boolean;
  onAsk: (act: Act) => void;
  onExport: () => void;
  onViewResults: () => void;
}) {
  return (
    <View className='section'>
      <Text className='section-title'>{ev?.title ?? '成绩管理'}</Text>
      <Text className='competitions-line competitions-scores-state' data-testid='competitions-scores-state'>
        {r.notYet
          ? r.notYet
          : draft
            ? r.unscored
              ? `还有 ${r.unscored} 名（队）未录入完整成绩；全部录入后可发布成绩公示。`
              : '成绩已全部录入，可发布成绩公示。'
            : r.status === 'publicity'
              ? `成绩公示中，公示期至 ${dayTime(r.until)}；公示期结束且异议处理完毕后确定成绩。`
              : '成绩已确定，获奖情况已记入职工个人荣誉。'}
      </Text>
      {ev && (
        <Text className='competitions-line muted'>
          总成绩 = 理论 × {ev.competition.weights.theory}% + 实操 × {ev.competition.weights.practical}
          %；总成绩相同者名次并列。
        </Text>
      )}
      <View className='competitions-actions'>
        {draft && (
          <Button
            className='competitions-publish'
            testId='competitions-publish'
            disabled={r.unscored > 0 || unsaved > 0 || !r.rows.length}
            onClick={() => onAsk('publish')}
          >
            发布成绩公示
          </Button>
        )}
        {r.status === 'publicity' && (
          <Button
            className='competitions-finalize'
            testId='competitions-finalize'
            disabled={r.openObjections > 0}
            onClick={() => onAsk('finalize')}
          >
            确定最终成绩
          </Button>
        )}
        {r.status !== 'draft' && (
          <Button kind='plain' className='competitions-export-results' loading={exporting} onClick={onExport}>
            导出成绩
          </Button>
        )}
        {r.status !== 'draft' && (
          <Button kind='plain' className='competitions-view-results' onClick={onViewResults}>
            查看公示
          </Button>
        )}
      </View>
    </View>
  );
}
