import { useMemo } from 'react';
import { View, Text, Image } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { MEMBER_STATUS_LABELS } from '@rules/membership';
import { ApiError, call } from '../../api/client';
import type { Card } from '../../api/types';
import { Button } from '../../components/Button';
import { PageShell } from '../../components/PageShell';
import { StateView } from '../../components/StateView';
import { useComeBack } from '../../hooks/useComeBack';
import { useRemote } from '../../hooks/useRemote';
import { formatDate } from '../../utils/format';
import { ROUTES, go } from '../../utils/nav';
import { qrDataUrl } from './qr';
import { useCardCodes } from './tokens';
import './index.scss';

const CARD_KEY = 'card.view';

/** card.get, or the card as last seen when the phone is offline (the code below still works offline). */
async function loadCard(): Promise<Card> {
  try {
    const card = await call('card.get', {});
    Taro.setStorageSync(CARD_KEY, card);
    return card;
  } catch (e) {
    const cached = Taro.getStorageSync(CARD_KEY) as Card | '';
    if (cached && e instanceof ApiError && e.code === 'NETWORK') return cached;
    throw e;
  }
}

/**
 * The member's electronic union card with a dynamic QR code: one token per minute (card.tokens), several
 * minutes fetched ahead and kept on the phone, so the code keeps working for at least five minutes without
 * network (basement shops, malls); the page says so plainly when offline.
 * Under the QR, the 核验码 (8 digits, the same code) for a clerk to type when scanning is not possible.
 * Test ids: `card-qr` (the QR image, data-token attribute), `card-short-code` (data-code), `card-countdown`, `card-no`, `card-title`, `card-offline…`.
 */
export default function CardPage() {
  const card = useRemote(loadCard);
  const active = card.data?.status === 'active';
  const codes = useCardCodes(active);
  const token = codes.current?.token;
  const src = useMemo(() => (token ? qrDataUrl(token) : ''), [token]);
  // Back on screen (from the background, another page): fetch ahead again if the network is there.
  useComeBack(() => {
    if (active) codes.refresh();
  });

  const notMember = card.errorCode === 'NOT_MEMBER';
  return (
    <PageShell className='card-page' page='card'>
      {notMember ? (
        <StateView
          empty
          emptyText='您还不是工会会员，入会后即可领取电子工会卡'
          emptyAction={
            <Button block className='card-join' onClick={() => go(ROUTES.apply)}>
              立即入会
            </Button>
          }
        />
      ) : (
        <StateView remote={card}>
          {card.data && (
            <View>
              <View className='union-card'>
                <Text className='union-card-title' data-testid='card-title'>
                  电子工会卡
                </Text>
                <Text className='union-card-name' data-testid='card-name'>
                  {card.data.name}
                </Text>
                <Text className='union-card-org'>{card.data.orgName}</Text>
                <View className='union-card-foot'>
                  <Text className='card-no' data-testid='card-no'>
                    No. {card.data.cardNo}
                  </Text>
                  <Text className={`union-card-status union-card-status-${card.data.status}`}>
                    {MEMBER_STATUS_LABELS[card.data.status]}
                  </Text>
                </View>
                <Text className='union-card-since'>入会时间：{formatDate(card.data.memberSince)}</Text>
              </View>

              {!codes.online && (
                <View className='card-offline' data-testid='card-offline'>
                  <Text className='card-offline-title' data-testid='card-offline-title'>
                    当前离线
                  </Text>
                  <Text className='card-offline-body' data-testid='card-offline-body'>
                    {codes.current
                      ? `会员码已预先保存，还可使用约 ${Math.max(1, codes.minutesCovered)} 分钟，商户可正常核验；请尽快连接网络。`
                      : '离线会员码已用完，请连接网络后刷新。'}
                  </Text>
                </View>
              )}

              <View className='section card-qr-box'>
                {!active ? (
                  <Text className='muted card-inactive'>电子工会卡已暂停使用，请联系所属工会</Text>
                ) : codes.error && !codes.current ? (
                  <View className='card-qr-error'>
                    <Text className='muted'>{codes.error}</Text>
                    <Button kind='plain' small className='card-qr-retry' onClick={codes.refresh}>
                      重试
                    </Button>
                  </View>
                ) : codes.current ? (
                  <View className='card-qr-wrap'>
                    <Image
                      className='card-qr'
                      data-testid='card-qr'
                      src={src}
                      data-token={codes.current.token}
                      mode='aspectFit'
                      onClick={codes.refresh}
                    />
                    {codes.current.shortCode && (
                      <View className='card-short-code-box'>
                        <Text className='muted'>核验码</Text>
                        <Text className='card-short-code' data-testid='card-short-code' data-code={codes.current.shortCode}>
                          {`${codes.current.shortCode.slice(0, 4)} ${codes.current.shortCode.slice(4)}`}
                        </Text>
                      </View>
                    )}
                    <Text className='card-countdown' data-testid='card-countdown'>
                      动态码 {codes.secondsLeft} 秒后刷新
                    </Text>
                    <Text className='muted card-qr-note'>向商户出示二维码，或报出核验码，每分钟自动更换</Text>
                  </View>
                ) : (
                  <Text className='muted'>{codes.online ? '正在生成动态码…' : '无法生成动态码，请连接网络'}</Text>
                )}
              </View>

              <View className='section'>
                <Text className='section-title'>会员权益</Text>
                {card.data.benefits.length === 0 && <Text className='muted'>权益信息即将更新</Text>}
                {card.data.benefits.map((b) => (
                  <View key={b.title} className='card-benefit'>
                    <Text className='card-benefit-title'>{b.title}</Text>
                    {b.description && <Text className='muted'>{b.description}</Text>}
                  </View>
                ))}
                <Button block kind='plain' className='card-discounts' onClick={() => go(ROUTES.discounts)}>
                  查看附近优惠商户
                </Button>
              </View>
            </View>
          )}
        </StateView>
      )}
    </PageShell>
  );
}
