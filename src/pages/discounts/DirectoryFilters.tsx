import { ScrollView, View } from '@tarojs/components';
import { CATEGORIES, type Category } from '@rules/merchants';

type Kind = 'all' | 'merchant' | 'station';
type Sort = 'distance' | 'newest';

/** The directory's choices: kind of place, category (not for stations), 营业中, and the order. */
export function DirectoryFilters({
  kind,
  category,
  openNow,
  sort,
  onKind,
  onCategory,
  onOpenNow,
  onSort,
}: {
  kind: Kind;
  category: Category | undefined;
  openNow: boolean;
  sort: Sort;
  onKind: (k: Kind) => void;
  onCategory: (c: Category | undefined) => void;
  onOpenNow: (on: boolean) => void;
  onSort: (s: Sort) => void;
}) {
  return (
    <>
      <View className='directory-kinds'>
        {(['all', 'merchant', 'station'] as const).map((k) => (
          <View
            key={k}
            className={`directory-kind ${kind === k ? 'directory-kind-on' : ''}`}
            data-testid='discounts-kind'
            onClick={() => onKind(k)}
          >
            {k === 'all' ? '全部' : k === 'merchant' ? '优惠商户' : '服务驿站'}
          </View>
        ))}
      </View>
      {kind !== 'station' && (
        <ScrollView scrollX className='directory-chips'>
          {[undefined, ...CATEGORIES].map((c) => (
            <View
              key={c ?? 'all'}
              className={`directory-chip ${category === c ? 'directory-chip-on' : ''}`}
              data-testid='discounts-category'
              onClick={() => onCategory(c)}
            >
              {c ?? '全部'}
            </View>
          ))}
        </ScrollView>
      )}
      <View className='directory-filters'>
        <View
          className={`directory-chip directory-open ${openNow ? 'directory-chip-on' : ''}`}
          data-testid='discounts-open-now'
          onClick={() => onOpenNow(!openNow)}
        >
          营业中
        </View>
        <View className={`directory-chip ${sort === 'distance' ? 'directory-chip-on' : ''}`} onClick={() => onSort('distance')}>
          距离最近
        </View>
        <View className={`directory-chip ${sort === 'newest' ? 'directory-chip-on' : ''}`} onClick={() => onSort('newest')}>
          最新加入
        </View>
      </View>
    </>
  );
}
