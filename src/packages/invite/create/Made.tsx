import { useMemo } from 'react';
import { Button as WxButton, Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { OutputOf } from '../../../api/client';
import { Button } from '../../../components/Button';
import { formatDateTime } from '../../../utils/format';
import { qrDataUrl } from '../../card/qr';
import { acceptPath } from '../status';

type Made = OutputOf<'invitations.create'>;

/** The link of the accept page as someone else's phone opens it: the H5 address here, the page path in WeChat. */
function linkOf(code: string): string {
  const path = acceptPath(code);
  if (process.env.TARO_ENV === 'h5') return `${window.location.origin}${window.location.pathname}#${path}`;
  return path;
}

/**
 * The invitation just made: who and what, until when; 发送给微信好友 (WeChat's share to a chat, on the phone), the
 * QR code and the link to copy. The code is shown only now (the server keeps only its hash).
 */
export function MadeInvitation({ made, onAnother }: { made: Made; onAnother: () => void }) {
  const link = linkOf(made.code);
  const qr = useMemo(() => qrDataUrl(link, 5, 8), [link]);
  return (
    <View className='section invite-card' data-testid='invite-made'>
      <Text className='invite-title'>
        已生成邀请：{made.name}（{made.scopeName ?? ''}
        {made.roleLabel}）
      </Text>
      <Text className='muted'>
        请把邀请发给{made.name}本人，对方在微信中打开并点「接受邀请」后即获得该角色。有效期至
        {formatDateTime(made.expiresAt)}，只能使用一次，可随时撤回。
      </Text>
      <Image className='invite-qr' src={qr} data-testid='invite-qr' />
      <Text className='invite-link' data-testid='invite-link' userSelect>
        {link}
      </Text>
      <View className='invite-actions'>
        {process.env.TARO_ENV === 'weapp' && (
          <WxButton className='btn' openType='share' data-testid='invite-share'>
            发送给微信好友
          </WxButton>
        )}
        <Button
          kind='plain'
          testId='invite-copy'
          onClick={() =>
            void Taro.setClipboardData({ data: link }).then(() => Taro.showToast({ title: '链接已复制', icon: 'none' }))
          }
        >
          复制链接
        </Button>
        <Button kind='plain' testId='invite-another' onClick={onAnother}>
          再邀请一位
        </Button>
      </View>
    </View>
  );
}
