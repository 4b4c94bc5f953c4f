import { Text, View } from '@tarojs/components';
import type { EventPage } from '../types';

/** The event's rules as they apply to the member, each with its reason — shown before signing up. */
export function Eligibility({ eligibility }: { eligibility: EventPage['eligibility'] }) {
  if (!eligibility.member) return <Text className='muted'>完成实名入会后即可查看您是否符合报名条件。</Text>;
  return (
    <View>
      {eligibility.checks.map((c, i) => (
        <View key={`${c.rule}-${i}`} className={`mm-elig-item ${c.ok ? 'mm-elig-ok' : 'mm-elig-fail'}`}>
          <Text className='mm-elig-mark'>{c.ok ? '✓' : '✗'}</Text>
          <Text className='mm-elig-text'>{c.message}</Text>
        </View>
      ))}
    </View>
  );
}
