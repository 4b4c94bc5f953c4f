import { useCallback, useEffect, useRef, useState } from 'react';
import { View, Text, Image } from '@tarojs/components';
import { useDidHide } from '@tarojs/taro';
import { MEMBER_STATUS_LABELS } from '@rules/membership';
import { call, errorMessage } from '../../api/client';
import { Button } from '../../components/Button';
import { PageShell } from '../../components/PageShell';
import { StateView } from '../../components/StateView';
import { useComeBack } from '../../hooks/useComeBack';
import { useRemote } from '../../hooks/useRemote';
import { formatDate } from '../../utils/format';
import { ROUTES, go } from '../../utils/nav';
import { qrDataUrl, secondsUntilRefresh } from './qr';
import './index.scss';

/**
 * The member's electronic union card with a dynamic QR code (token from `card.token`, valid ≤ 60 s).
 * e2e hooks: `.card-qr` (the QR image, data-token attribute), `.card-countdown`, `.card-no`.
 */
export default function CardPage() {
  const card = useRemote(() => call('card.get', {}));
  const [qr, setQr] = useState<{ src: string; token: string } | null>(null);
  const [qrError, setQrError] = useState<string | null>(null);
  const [left, setLeft] = useState(0);
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);
  const fetching = useRef(false);

  const stop = () => {
    if (timer.current) clearInterval(timer.current);
    timer.current = null;
  };

  const refresh = useCallback(async () => {
    if (fetching.current) return;
    fetching.current = true;
    stop();
    try {
      const { token, expiresAt } = await call('card.token', {});
      setQr({ src: qrDataUrl(token), token });
      setQrError(null);
      setLeft(secondsUntilRefresh(expiresAt));
      timer.current = setInterval(() => {
        setLeft((s) => s - 1);
      }, 1000);
    } catch (e) {
      setQr(null);
      setQrError(errorMessage(e));
    } finally {
      fetching.current = false;
    }
  }, []);

  const active = card.data?.status === 'active';

  // Countdown reached zero: fetch a new code.
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- refresh() sets state only after awaiting card.token
    if (qr && left <= 0) void refresh();
  }, [left, qr, refresh]);

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- refresh() sets state only after awaiting card.token
    if (active) void refresh();
    return stop;
  }, [active, refresh]);

  // Back on screen (from the background, another page): the code shown may be stale.
  useComeBack(() => {
    if (active) void refresh();
  });
  useDidHide(stop);

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
        <StateView loading={card.loading} error={card.error} errorCode={card.errorCode} onRetry={card.reload}>
          {card.data && (
            <View>
              <View className='union-card'>
                <Text className='union-card-title'>电子工会卡</Text>
                <Text className='union-card-name'>{card.data.name}</Text>
                <Text className='union-card-org'>{card.data.orgName}</Text>
                <View className='union-card-foot'>
                  <Text className='card-no'>No. {card.data.cardNo}</Text>
                  <Text className={`union-card-status union-card-status-${card.data.status}`}>
                    {MEMBER_STATUS_LABELS[card.data.status]}
                  </Text>
                </View>
                <Text className='union-card-since'>入会时间：{formatDate(card.data.memberSince)}</Text>
              </View>

              <View className='section card-qr-box'>
                {!active ? (
                  <Text className='muted card-inactive'>电子工会卡已暂停使用，请联系所属工会</Text>
                ) : qrError ? (
                  <View className='card-qr-error'>
                    <Text className='muted'>{qrError}</Text>
                    <Button kind='plain' small className='card-qr-retry' onClick={() => void refresh()}>
                      重试
                    </Button>
                  </View>
                ) : qr ? (
                  <View className='card-qr-wrap'>
                    <Image
                      className='card-qr'
                      src={qr.src}
                      data-token={qr.token}
                      mode='aspectFit'
                      onClick={() => void refresh()}
                    />
                    <Text className='card-countdown'>动态码 {Math.max(left, 0)} 秒后刷新</Text>
                    <Text className='muted card-qr-note'>向商户出示此码验证会员身份，点击二维码可手动刷新</Text>
                  </View>
                ) : (
                  <Text className='muted'>正在生成动态码…</Text>
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
              </View>
            </View>
          )}
        </StateView>
      )}
    </PageShell>
  );
}
