import { Input, Text, View } from '@tarojs/components';
import { placeText, score } from '../../format';
import type { RankingView } from '../../types';

export type Row = RankingView['rows'][number];
export type Edit = { theory: string; practical: string; absent: boolean };

/** What the inputs of a row start from: its scores as stored. */
export const edited = (r: Row): Edit => ({
  theory: r.theory === null ? '' : String(r.theory),
  practical: r.practical === null ? '' : String(r.practical),
  absent: r.absent,
});

const num = (s: string) => (s.trim() === '' ? null : Number(s));
const valid = (s: string) => s.trim() === '' || (/^\d{1,3}(\.\d)?$/.test(s.trim()) && Number(s) <= 100);

/** The scores to send for the rows edited, or null when one is not 0–100 with at most one decimal. */
export function scoresToSave(edits: Record<string, Edit>) {
  const ids = Object.keys(edits);
  if (ids.some((k) => !valid(edits[k].theory) || !valid(edits[k].practical))) return null;
  return ids.map((enrollmentId) => {
    const e = edits[enrollmentId];
    return {
      enrollmentId,
      theory: e.absent ? null : num(e.theory),
      practical: e.absent ? null : num(e.practical),
      absent: e.absent,
    };
  });
}

/** One entrant's row: rank, name, total; while a draft, inputs for 理论, 实操 and 缺考; once published, the parts. */
export function ScoreRow({
  row,
  value,
  draft,
  shown,
  onEdit,
}: {
  row: Row;
  value: Edit;
  draft: boolean;
  /** The results are published: show the parts. */
  shown: boolean;
  onEdit: (change: Partial<Edit>) => void;
}) {
  return (
    <View className='competitions-score-row' data-testid='competitions-score-row'>
      <View className='competitions-head'>
        <Text className='competitions-item-name'>
          {row.rank ?? '—'}. {row.teamName ? `${row.teamName}（${row.name}）` : row.name}
        </Text>
        <Text className='competitions-strong'>{row.absent ? '缺考' : score(row.total)}</Text>
      </View>
      <Text className='muted competitions-block'>
        {row.orgName}
        {row.rank !== null ? ` · ${placeText(row)}` : ''}
      </Text>
      {draft && (
        <View className='competitions-score-inputs'>
          <View className='competitions-score-theory' data-testid='competitions-score-theory'>
            <Input
              className='competitions-input'
              type='digit'
              disabled={value.absent}
              value={value.absent ? '' : value.theory}
              placeholder='理论'
              onInput={(x) => onEdit({ theory: x.detail.value })}
            />
          </View>
          <View className='competitions-score-practical' data-testid='competitions-score-practical'>
            <Input
              className='competitions-input'
              type='digit'
              disabled={value.absent}
              value={value.absent ? '' : value.practical}
              placeholder='实操'
              onInput={(x) => onEdit({ practical: x.detail.value })}
            />
          </View>
          <View
            className={`competitions-chip competitions-absent ${value.absent ? 'competitions-chip-on' : ''}`}
            onClick={() => onEdit({ absent: !value.absent })}
          >
            缺考
          </View>
        </View>
      )}
      {shown && !row.absent && (
        <Text className='muted competitions-block'>
          理论 {score(row.theory)} · 实操 {score(row.practical)}
        </Text>
      )}
    </View>
  );
}
