import { View } from '@tarojs/components';

/** 1–5 stars; read-only without `onChange`. e2e hooks `.la-star-<n>`. */
export function Stars({ value, onChange }: { value: number; onChange?: (stars: number) => void }) {
  return (
    <View className='la-stars'>
      {[1, 2, 3, 4, 5].map((n) => (
        <View key={n} className={`la-star la-star-${n} ${n <= value ? 'la-star-on' : ''}`} onClick={() => onChange?.(n)}>
          ★
        </View>
      ))}
    </View>
  );
}
