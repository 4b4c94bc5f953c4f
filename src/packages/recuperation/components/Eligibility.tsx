import { Text, View } from '@tarojs/components';
import type { TripPage } from '../types';

/**
 * The trip's rules as they apply to the member, each with its reason — shown before the form. Test ids
 * `recuperation-elig`, each rule `elig-<rule>` with `data-ok` yes / no.
 */
export function Eligibility({ eligibility }: { eligibility: TripPage['eligibility'] }) {
  if (!eligibility.member) {
    return <Text className='muted rec-elig-none'>完成实名入会后即可查看您是否符合报名条件。</Text>;
  }
  return (
    <View className='rec-elig' data-testid='recuperation-elig'>
      {eligibility.checks.map((c, i) => (
        <View
          key={`${c.rule}-${i}`}
          className={`rec-elig-item ${c.ok ? 'rec-elig-ok' : 'rec-elig-fail'}`}
          data-testid={`elig-${c.rule}`}
          data-ok={c.ok ? 'yes' : 'no'}
        >
          <Text className='rec-elig-mark'>{c.ok ? '✓' : '✗'}</Text>
          <Text className='rec-elig-text'>{c.message}</Text>
        </View>
      ))}
    </View>
  );
}
