import { Text } from '@tarojs/components';

interface OverdueTagProps {
  /** Days past the union's review deadline (absent or 0: nothing shown). */
  days?: number;
}

/** The red 「已超期 N 天」 tag of a staff queue item waiting past the review deadline. Test id `overdue-tag`. */
export function OverdueTag({ days }: OverdueTagProps) {
  if (!days) return null;
  return (
    <Text className='tag tag-overdue' data-testid='overdue-tag'>
      已超期 {days} 天
    </Text>
  );
}
