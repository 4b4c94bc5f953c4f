import { Text, View } from '@tarojs/components';

export interface Filter {
  key: 'kind' | 'category' | 'openNow';
  label: string;
}

/**
 * The filters the member chose, each with × to drop it, and 清除筛选 for all of them: a search looks across every
 * place unless one of these is on. Test ids: `discounts-filters`, `discounts-filter`, `discounts-clear-filters`.
 */
export function ActiveFilters({
  filters,
  onDrop,
  onClear,
}: {
  filters: Filter[];
  onDrop: (key: Filter['key']) => void;
  onClear: () => void;
}) {
  if (filters.length === 0) return null;
  return (
    <View className='directory-active' data-testid='discounts-filters'>
      <Text className='directory-active-label'>筛选：</Text>
      {filters.map((f) => (
        <View key={f.key} className='directory-active-chip' data-testid='discounts-filter' onClick={() => onDrop(f.key)}>
          {f.label} ×
        </View>
      ))}
      <View className='directory-active-clear' data-testid='discounts-clear-filters' onClick={onClear}>
        清除筛选
      </View>
    </View>
  );
}

/** What an empty list says, and what to try next. */
export function emptyAdvice(keyword: string, filters: Filter[]): string {
  const chosen = filters.map((f) => f.label).join('、');
  if (keyword && chosen) return `在“${chosen}”中没有找到“${keyword}”。清除筛选后将在全部商户和驿站中搜索`;
  if (keyword) return `没有找到“${keyword}”相关的商户或驿站。试试更短的词（如“书店”“面馆”“充电”），或切换区域`;
  if (chosen) return `附近没有符合“${chosen}”的地点，试试清除筛选或切换区域`;
  return '附近暂无地点，试试切换区域';
}
