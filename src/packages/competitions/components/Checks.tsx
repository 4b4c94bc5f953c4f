import { Text, View } from '@tarojs/components';
import type { EventPage } from '../types';

/**
 * The event's conditions before the form: each rule checked against the member (✓/✗ with the reason), then
 * what they declare on the form (ⓘ). Test ids `competitions-checks`, each check `competitions-check` with
 * `data-ok` yes / no (a declaration: `declare`).
 */
export function Checks({ page }: { page: EventPage }) {
  const { eligibility, requirements } = page;
  return (
    <View className='cmp-checks' data-testid='competitions-checks'>
      {!eligibility.member && <Text className='muted cmp-check-none'>完成实名入会后即可查看您是否符合报名条件。</Text>}
      {eligibility.checks.map((c, i) => (
        <View
          key={`${c.rule}-${i}`}
          className={`cmp-check ${c.ok ? 'cmp-check-ok' : 'cmp-check-fail'}`}
          data-testid='competitions-check'
          data-ok={c.ok ? 'yes' : 'no'}
        >
          <Text className='cmp-check-mark'>{c.ok ? '✓' : '✗'}</Text>
          <Text className='cmp-check-text'>{c.message}</Text>
        </View>
      ))}
      {requirements.map((r) => (
        <View key={r.key} className='cmp-check cmp-check-declare' data-testid='competitions-check' data-ok='declare'>
          <Text className='cmp-check-mark'>ⓘ</Text>
          <Text className='cmp-check-text'>{r.text}</Text>
        </View>
      ))}
    </View>
  );
}
