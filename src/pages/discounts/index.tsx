import { Input, Picker, Text, View } from '@tarojs/components';
import { useReachBottom } from '@tarojs/taro';
import { useEffect, useMemo, useState } from 'react';
import { Button } from '../../components/Button';
import { PageShell } from '../../components/PageShell';
import { StateView } from '../../components/StateView';
import { LoadMore } from '../../components/LoadMore';
import type { Category } from '@rules/merchants';
import { ROUTES, go } from '../../utils/nav';
import { chooseDistrict, districtSpots, locate, type Spot } from './location';
import { ActiveFilters, emptyAdvice, type Filter } from './ActiveFilters';
import { DirectoryFilters } from './DirectoryFilters';
import { MemberBenefits } from './MemberBenefits';
import { PlaceRow } from './PlaceRow';
import { useDirectory, type DirectoryQuery } from './useDirectory';
import './index.scss';
import { useSettings } from '../../stores/settings';

/**
 * 优惠: member benefits (MemberBenefits) and the directory of partner merchants and 一公里服务圈 stations,
 * nearest first. A search looks across every place (name, category, tags, services, offers) unless the member
 * chose filters; those show above the list, each cleared with one tap, and an empty list says what to try next. Detail, map and 我的优惠 live in the merchants subpackage.
 */
export default function Discounts() {
  const [spot, setSpot] = useState<Spot | null>(null);
  // Located (or tried to): null then means no position and no centre the union has set.
  const [located, setLocated] = useState(false);
  const relocate = () =>
    void locate().then((s) => {
      setSpot(s);
      setLocated(true);
    });
  useSettings(); // re-render when the union's districts arrive
  const spots = districtSpots();
  // No filter until the member chooses one: a search then looks across every place.
  const [kind, setKind] = useState<'all' | 'merchant' | 'station'>('all');
  const [category, setCategory] = useState<Category | undefined>(undefined);
  const [openNow, setOpenNow] = useState(false);
  const [sort, setSort] = useState<'distance' | 'newest'>('distance');
  const [typed, setTyped] = useState('');
  const [keyword, setKeyword] = useState('');

  useEffect(relocate, []);

  const query = useMemo<DirectoryQuery | null>(
    () =>
      spot && {
        lat: spot.lat,
        lng: spot.lng,
        sort,
        ...(kind === 'all' ? {} : { kind }),
        ...(kind !== 'station' && category ? { category } : {}),
        ...(openNow ? { openNow } : {}),
        ...(keyword ? { keyword } : {}),
      },
    [spot, kind, category, openNow, sort, keyword],
  );
  const list = useDirectory(query);
  useReachBottom(() => list.loadMore());

  const filters: Filter[] = [
    ...(kind === 'all' ? [] : [{ key: 'kind' as const, label: kind === 'merchant' ? '优惠商户' : '服务驿站' }]),
    ...(kind !== 'station' && category ? [{ key: 'category' as const, label: category }] : []),
    ...(openNow ? [{ key: 'openNow' as const, label: '营业中' }] : []),
  ];
  const dropFilter = (key: Filter['key']) => {
    if (key === 'kind') setKind('all');
    if (key === 'category') setCategory(undefined);
    if (key === 'openNow') setOpenNow(false);
  };
  const clearFilters = () => {
    setKind('all');
    setCategory(undefined);
    setOpenNow(false);
  };
  const clearSearch = () => {
    setTyped('');
    setKeyword('');
  };
  const open = (id: string) => go(`${ROUTES.placeDetail}?id=${id}${spot ? `&lat=${spot.lat}&lng=${spot.lng}` : ''}`);

  return (
    <PageShell className='discounts'>
      <MemberBenefits />

      <View className='directory-bar'>
        <Picker
          mode='selector'
          range={spots.map((d) => d.name)}
          disabled={!spots.length}
          onChange={(e) => setSpot(chooseDistrict(spots[Number(e.detail.value)].name) ?? spot)}
        >
          <View className='directory-spot'>
            <Text className='directory-spot-label' data-testid='discounts-spot-label'>
              {spot ? spot.label : located ? '未能定位' : '正在定位…'}
            </Text>
            {spots.length > 0 && <Text className='directory-spot-switch'>切换区域 ▾</Text>}
          </View>
        </Picker>
        <View
          className='directory-map'
          onClick={() => spot && go(`${ROUTES.placeMap}?lat=${spot.lat}&lng=${spot.lng}&kind=${kind}`)}
        >
          地图
        </View>
      </View>
      {spot?.source === 'district' && (
        <Text className='directory-hint' onClick={relocate}>
          未获取到定位，按所选区域中心计算距离；点此重新定位
        </Text>
      )}
      {located && !spot && (
        <Text className='directory-hint' data-testid='discounts-no-spot' onClick={relocate}>
          未获取到定位：请在手机设置中允许定位后点此重试（工会尚未设置地图中心）
        </Text>
      )}

      <View className='directory-search'>
        <Input
          className='directory-search-input'
          value={typed}
          maxlength={30}
          data-testid='discounts-search'
          placeholder='搜索商户、类别、服务或优惠，如“书店”'
          confirmType='search'
          onInput={(e) => setTyped(e.detail.value)}
          onConfirm={() => setKeyword(typed.trim())}
        />
        <View className='directory-search-btn' data-testid='discounts-search-go' onClick={() => setKeyword(typed.trim())}>
          搜索
        </View>
      </View>

      <DirectoryFilters
        kind={kind}
        category={category}
        openNow={openNow}
        sort={sort}
        onKind={setKind}
        onCategory={setCategory}
        onOpenNow={setOpenNow}
        onSort={setSort}
      />

      <ActiveFilters filters={filters} onDrop={dropFilter} onClear={clearFilters} />

      <View className='section directory-list'>
        <StateView
          remote={list}
          loading={!spot || list.loading}
          empty={list.items.length === 0}
          emptyText={emptyAdvice(keyword, filters)}
          emptyAction={
            filters.length ? (
              <Button kind='plain' testId='discounts-empty-clear' onClick={clearFilters}>
                {keyword ? '清除筛选，搜索全部' : '清除筛选'}
              </Button>
            ) : keyword ? (
              <Button kind='plain' testId='discounts-empty-clear-search' onClick={clearSearch}>
                清除搜索
              </Button>
            ) : undefined
          }
        >
          {list.items.map((item) => (
            <PlaceRow key={item._id} item={item} onOpen={(p) => open(p._id)} />
          ))}
          <LoadMore hasMore={list.hasMore} loading={list.loadingMore} error={list.moreError} onLoad={list.loadMore} />
        </StateView>
      </View>
    </PageShell>
  );
}
