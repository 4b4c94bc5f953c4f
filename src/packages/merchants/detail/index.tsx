import { Image, Swiper, SwiperItem, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { call } from '../../../api/client';
import { Button } from '../../../components/Button';
import { PageShell } from '../../../components/PageShell';
import { StateView } from '../../../components/StateView';
import { useAction } from '../../../hooks/useAction';
import { useRemote } from '../../../hooks/useRemote';
import { formatDistance } from '../../../pages/discounts/location';
import { ROUTES, go } from '../../../utils/nav';
import '../merchants.scss';
import './index.scss';

/** A place in detail: offers and terms, hours, photos; navigate, call, favourite. Test ids: `merchants-detail-name`, `merchants-detail-offer…`, `merchants-detail-fav`. */
export default function PlaceDetail() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const lat = Number(params.lat);
  const lng = Number(params.lng);
  const from = Number.isFinite(lat) && Number.isFinite(lng) && params.lat ? { lat, lng } : {};
  const place = useRemote(() => call('merchants.get', { placeId: id, ...from }));
  const [favourite, setFavourite] = useState<boolean | null>(null);
  const act = useAction();
  const p = place.data;
  const isFavourite = favourite ?? !!p?.favourite;

  const toggleFavourite = () => {
    if (!p) return;
    void act.run(() => call('merchants.favourite', { placeId: p._id, on: !isFavourite }), {
      failTitle: isFavourite ? '未能取消收藏' : '未能收藏',
      onDone: (res) => {
        setFavourite(res.favourite);
        void Taro.showToast({ title: res.favourite ? '已收藏' : '已取消收藏', icon: 'none' });
      },
    });
  };

  const navigate = () => {
    if (!p) return;
    if (process.env.TARO_ENV === 'weapp')
      void Taro.openLocation({ latitude: p.lat, longitude: p.lng, name: p.name, address: p.address, scale: 17 });
    else void Taro.showModal({ title: p.name, content: `${p.address}\n（请在微信小程序中使用导航）`, showCancel: false });
  };

  const phone = () => {
    if (!p) return;
    if (process.env.TARO_ENV === 'weapp') void Taro.makePhoneCall({ phoneNumber: p.phone });
    else window.location.href = `tel:${p.phone}`;
  };

  return (
    <PageShell className='place-detail' page='placeDetail'>
      <StateView remote={place}>
        {p && (
          <View>
            {p.photoUrls.length > 0 ? (
              <Swiper className='detail-photos' indicatorDots circular>
                {p.photoUrls.map((url) => (
                  <SwiperItem key={url}>
                    <Image className='detail-photo' src={url} mode='aspectFill' />
                  </SwiperItem>
                ))}
              </Swiper>
            ) : (
              <View className={`detail-cover detail-cover-${p.kind}`}>
                <Text className='detail-cover-mark'>{p.kind === 'station' ? '工会驿站' : p.category}</Text>
              </View>
            )}
            <View className='section detail-head'>
              <View className='detail-title'>
                <Text className='detail-name' data-testid='merchants-detail-name'>
                  {p.name}
                </Text>
                <Button
                  small
                  kind='plain'
                  className={`detail-fav ${isFavourite ? 'detail-fav-on' : ''}`}
                  testId={isFavourite ? 'merchants-detail-fav-on' : 'merchants-detail-fav'}
                  loading={act.busy}
                  loadingText='…'
                  onClick={toggleFavourite}
                >
                  {isFavourite ? '★ 已收藏' : '☆ 收藏'}
                </Button>
              </View>
              <View className='detail-tags'>
                {p.tier && <Text className='m-tag m-tag-gold'>{p.tier}</Text>}
                {p.category && <Text className='m-tag'>{p.category}</Text>}
                <Text className={`m-tag ${p.openNow ? 'm-tag-green' : ''}`}>{p.openNow ? '营业中' : '休息中'}</Text>
                {'lat' in from && <Text className='m-tag'>距您 {formatDistance(p.distance)}</Text>}
              </View>
              {p.intro && <Text className='detail-intro'>{p.intro}</Text>}
            </View>

            {p.kind === 'station' ? (
              <View className='section'>
                <Text className='section-title'>服务项目</Text>
                <View className='detail-services'>
                  {(p.services ?? []).map((s) => (
                    <Text key={s} className='detail-service'>
                      {s}
                    </Text>
                  ))}
                </View>
                <Text className='muted'>户外劳动者、快递员、外卖骑手等可免费歇脚，请爱护设施。</Text>
              </View>
            ) : (
              <View className='section'>
                <Text className='section-title'>会员优惠</Text>
                {p.offers.length === 0 && <Text className='muted'>该商户暂无进行中的优惠</Text>}
                {p.offers.map((o) => (
                  <View key={o._id} className='detail-offer' data-testid='merchants-detail-offer'>
                    <Text className='detail-offer-title' data-testid='merchants-detail-offer-title'>
                      {o.title}
                    </Text>
                    <Text className='detail-offer-terms'>{o.terms}</Text>
                    <Text className='detail-offer-limit' data-testid='merchants-detail-offer-limit'>
                      {o.limitText} · 有效期 {o.validFrom} 至 {o.validTo}
                    </Text>
                  </View>
                ))}
                {p.offers.length > 0 && (
                  <Button block className='detail-show-card' onClick={() => go(ROUTES.card)}>
                    出示电子工会卡
                  </Button>
                )}
                <Text className='muted detail-how'>结账前向店员出示电子工会卡动态码，店员扫码核验后享受优惠。</Text>
              </View>
            )}

            <View className='section'>
              <View className='row detail-row' onClick={navigate}>
                <View className='detail-row-main'>
                  <Text className='row-label'>地址</Text>
                  <Text className='detail-row-value'>{p.address}</Text>
                </View>
                <Text className='detail-action'>导航</Text>
              </View>
              <View className='row detail-row' onClick={phone}>
                <View className='detail-row-main'>
                  <Text className='row-label'>电话</Text>
                  <Text className='detail-row-value'>{p.phone}</Text>
                </View>
                <Text className='detail-action'>拨打</Text>
              </View>
              <View className='row detail-row'>
                <View className='detail-row-main'>
                  <Text className='row-label'>{p.kind === 'station' ? '开放时间' : '营业时间'}</Text>
                  <Text className='detail-row-value'>{p.hoursText}</Text>
                </View>
              </View>
            </View>
          </View>
        )}
      </StateView>
    </PageShell>
  );
}
