import { useMemo, type ReactNode } from 'react';
import { Button as WxButton, Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { qrDataUrl } from '../packages/card/qr';
import { Button } from './Button';

/** The address someone else's phone opens for a page path: the H5 address here, the page path in WeChat. */
export function shareLinkOf(path: string): string {
  if (process.env.TARO_ENV === 'h5') return `${window.location.origin}${window.location.pathname}#${path}`;
  return path;
}

export interface ShareLinkProps {
  /** The page path with its query, e.g. `/packages/invite/accept/index?code=…`. */
  path: string;
  /** Prefix of the class names and test ids: `${prefix}-qr`, `-link`, `-actions`, `-share`, `-copy`. */
  prefix: string;
  /** More buttons after 复制链接. */
  children?: ReactNode;
}

/**
 * A link that travels: its QR code (face to face), the link as text, 发送给微信好友 (WeChat's share to a chat; the
 * page's useShareAppMessage gives the card's title and path) in the mini-program, and 复制链接.
 */
export function ShareLink({ path, prefix, children }: ShareLinkProps) {
  const link = shareLinkOf(path);
  const qr = useMemo(() => qrDataUrl(link, 5, 8), [link]);
  return (
    <>
      <Image className={`${prefix}-qr`} src={qr} data-testid={`${prefix}-qr`} />
      <Text className={`${prefix}-link`} data-testid={`${prefix}-link`} userSelect>
        {link}
      </Text>
      <View className={`${prefix}-actions`}>
        {process.env.TARO_ENV === 'weapp' && (
          <WxButton className='btn' openType='share' data-testid={`${prefix}-share`}>
            发送给微信好友
          </WxButton>
        )}
        <Button
          kind='plain'
          testId={`${prefix}-copy`}
          onClick={() =>
            void Taro.setClipboardData({ data: link }).then(() => Taro.showToast({ title: '链接已复制', icon: 'none' }))
          }
        >
          复制链接
        </Button>
        {children}
      </View>
    </>
  );
}
