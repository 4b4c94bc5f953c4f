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
    <View className='competitions-checks' data-testid='competitions-checks'>
      {!eligibility.member && <Text className='muted competitions-check-none'>完成实名入会后即可查看您是否符合报名条件。</Text>}
      {eligibility.checks.map((c, i) => (
        <View
          key={`${c.rule}-${i}`}
          className={`competitions-check ${c.ok ? 'competitions-check-ok' : 'competitions-check-fail'}`}
          data-testid='competitions-check'
          data-ok={c.ok ? 'yes' : 'no'}
        >
          <Text className='competitions-check-mark'>{c.ok ? '✓' : '✗'}</Text>
          <Text className='competitions-check-text'>{c.message}</Text>
        </View>
      ))}
      {requirements.map((r) => (
        <View
          key={r.key}
          className='competitions-check competitions-check-declare'
          data-testid='competitions-check'
          data-ok='declare'
        >
          <Text className='competitions-check-mark'>ⓘ</Text>
          <Text className='competitions-check-text'>{r.text}</Text>
        </View>
      ))}
    </View>
  );
}
