import { Text, View } from '@tarojs/components';
import type { OutputOf } from '../../../api/client';
import { Button } from '../../../components/Button';
import { ShareLink } from '../../../components/ShareLink';
import { formatDateTime } from '../../../utils/format';
import { acceptPath } from '../status';

type Made = OutputOf<'invitations.create'>;

/**
 * The invitation just made: who and what, until when; 发送给微信好友 (WeChat's share to a chat, on the phone), the
 * QR code and the link to copy. The code is shown only now (the server keeps only its hash).
 */
export function MadeInvitation({ made, onAnother }: { made: Made; onAnother: () => void }) {
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
      <ShareLink path={acceptPath(made.code)} prefix='invite'>
        <Button kind='plain' testId='invite-another' onClick={onAnother}>
          再邀请一位
        </Button>
      </ShareLink>
    </View>
  );
}
