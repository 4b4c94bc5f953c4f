import { Map, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useMemo, useState } from 'react';
import { PageShell } from '../../../components/PageShell';
import { StateView } from '../../../components/StateView';
import { districtSpot, formatDistance } from '../../../pages/discounts/location';
import { PlaceRow } from '../../../pages/discounts/PlaceRow';
import { useDirectory, type PlaceItem } from '../../../pages/discounts/useDirectory';
import { ROUTES, go } from '../../../utils/nav';
import '../../../pages/discounts/index.scss';
import '../merchants.scss';
import './index.scss';

type Kind = 'merchant' | 'station' | 'all';

/**
 * The directory on a map: the nearest 50 places of the same query as the list (one request). weapp shows
 * WeChat's map with markers; the H5 build, which has no map, plots them around you on a plain grid.
 */
export default function PlaceMap() {
  const { params } = useRouter();
  const fallback = districtSpot();
  // Opened from the list, which passes where it measures from; else the union's centre (0,0: none set).
  const lat = Number(params.lat ?? fallback?.lat ?? 0);
  const lng = Number(params.lng ?? fallback?.lng ?? 0);
  const [kind, setKind] = useState<Kind>(params.kind === 'station' ? 'station' : 'all');
  const [picked, setPicked] = useState<PlaceItem | null>(null);
  const query = useMemo(() => ({ lat, lng, limit: 50, ...(kind === 'all' ? {} : { kind }) }), [lat, lng, kind]);
  const list = useDirectory(query);
  const open = (p: PlaceItem) => go(`${ROUTES.placeDetail}?id=${p._id}&lat=${lat}&lng=${lng}`);

  const markers = list.items.map((p, i) => ({
    id: i,
    latitude: p.lat,
    longitude: p.lng,
    title: p.name,
    width: 28,
    height: 32,
    // WeChat's default marker; the list below tells merchants and stations apart.
    iconPath: '',
  }));
  // H5: positions relative to you, scaled so that the farthest place shown sits at the edge.
  const reach = Math.max(300, ...list.items.map((p) => p.distance));
  const plot = (p: PlaceItem) => {
    const dx = (p.lng - lng) * 111_320 * Math.cos((lat * Math.PI) / 180);
    const dy = (p.lat - lat) * 110_540;
    return { left: `${50 + (dx / reach) * 46}%`, top: `${50 - (dy / reach) * 46}%` };
  };

  return (
    <PageShell className='place-map' page='placeMap'>
      <View className='m-tabs'>
        {(['all', 'merchant', 'station'] as const).map((k) => (
          <View key={k} className={`m-tab ${kind === k ? 'm-tab-on' : ''}`} onClick={() => setKind(k)}>
            {k === 'all' ? '全部' : k === 'merchant' ? '优惠商户' : '服务驿站'}
          </View>
        ))}
      </View>
      <StateView
        remote={list}
        loading={list.loading}
        empty={list.items.length === 0}
        emptyText='附近暂无地点：试试切换全部类型，或回到列表切换区域、搜索'
      >
        {process.env.TARO_ENV === 'weapp' ? (
          <Map
            className='map-view'
            latitude={lat}
            longitude={lng}
            scale={14}
            showLocation
            markers={markers}
            onMarkerTap={(e) => setPicked(list.items[Number((e.detail as { markerId: number }).markerId)] ?? null)}
            onError={() => undefined}
          />
        ) : (
          <View className='map-plain'>
            <View className='map-ring map-ring-outer' />
            <View className='map-ring map-ring-inner' />
            <View className='map-me' style={{ left: '50%', top: '50%' }} />
            {list.items.map((p) => (
              <View
                key={p._id}
                className={`map-dot map-dot-${p.kind} ${picked?._id === p._id ? 'map-dot-on' : ''}`}
                data-testid={`merchants-map-dot-${p.kind}`}
                style={plot(p)}
                onClick={() => setPicked(p)}
              />
            ))}
            <Text className='map-scale'>外圈约 {formatDistance(reach)}</Text>
            <Text className='map-note'>网页版无地图，按方位示意；在微信中打开可查看地图</Text>
          </View>
        )}
        {picked && (
          <View className='section map-picked' data-testid='merchants-map-picked'>
            <PlaceRow item={picked} onOpen={open} />
          </View>
        )}
        <View className='section'>
          <Text className='section-title'>附近 {list.items.length} 个地点</Text>
          {list.items.slice(0, 10).map((p) => (
            <PlaceRow key={p._id} item={p} onOpen={open} />
          ))}
        </View>
      </StateView>
    </PageShell>
  );
}
