import { View } from '@tarojs/components';

/** 1–5 stars; read-only without `onChange`. Test ids `legal-aid-star-<n>`. */
export function Stars({ value, onChange }: { value: number; onChange?: (stars: number) => void }) {
  return (
    <View className='la-stars'>
      {[1, 2, 3, 4, 5].map((n) => (
        <View
          key={n}
          className={`la-star la-star-${n} ${n <= value ? 'la-star-on' : ''}`}
          data-testid={`legal-aid-star-${n}`}
          onClick={() => onChange?.(n)}
        >
          ★
        </View>
      ))}
    </View>
  );
}
