import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { call } from '../../../api/client';
import { Button } from '../../../components/Button';
import { PageShell } from '../../../components/PageShell';
import { Row } from '../../../components/Row';
import { StateView } from '../../../components/StateView';
import { useAction } from '../../../hooks/useAction';
import { useRemote } from '../../../hooks/useRemote';
import { useSessionStore } from '../../../stores/session';
import { formatDateTime } from '../../../utils/format';
import { ROUTES, go } from '../../../utils/nav';
import { INVITE_STATUS_TEXT } from '../status';
import '../index.scss';

const AFTER: Record<string, string> = {
  accepted: '该邀请已被接受。如果是您本人接受的，可在「我的 → 工作台」使用相应功能。',
  revoked: '该邀请已被邀请人撤回。如有疑问，请联系邀请人。',
  expired: '该邀请已过期（有效期72小时）。请联系邀请人重新发送。',
};

/**
 * 接受邀请: opened from a share card or link; shows who invites the person to what and until when; accepting
 * gives the role at once (the person need not be a member). Not accepting needs no action: the link expires.
 */
export default function AcceptInvitation() {
  const { params } = useRouter();
  const code = decodeURIComponent(params.code ?? '');
  const invitation = useRemote(() => call('invitations.get', { code }));
  const reloadSession = useSessionStore((s) => s.load);
  const act = useAction();
  const inv = invitation.data;

  const accept = () =>
    act.run(() => call('invitations.accept', { code }), {
      success: '已接受邀请',
      failTitle: '未能接受邀请',
      onDone: () => {
        void reloadSession();
        go(ROUTES.me);
      },
      onFail: () => invitation.reload(),
    });

  return (
    <PageShell className='invite' page='inviteAccept'>
      <StateView remote={invitation}>
        {inv && (
          <View className='section invite-card' data-testid='invite-card'>
            <Text className='invite-title' data-testid='invite-title'>
              {inv.inviterName}邀请您（{inv.name}）成为{inv.scopeName ?? ''}
              {inv.roleLabel}
            </Text>
            <Row label='角色'>{inv.roleLabel}</Row>
            {inv.scopeName && <Row label='所属'>{inv.scopeName}</Row>}
            <Row label='邀请人'>{inv.inviterName}</Row>
            <Row label='有效期至'>{formatDateTime(inv.expiresAt)}</Row>
            <Row label='状态'>{INVITE_STATUS_TEXT[inv.status] ?? inv.status}</Row>
            {inv.status === 'open' ? (
              <>
                <Text className='muted'>
                  接受后，您将以「{inv.name}」的身份在本小程序中办理{inv.roleLabel}的工作，无需先入会。如非本人，请勿接受。
                </Text>
                <Button block testId='invite-accept' loading={act.busy} onClick={() => void accept()}>
                  接受邀请
                </Button>
              </>
            ) : (
              <Text className='muted invite-closed' data-testid='invite-closed'>
                {AFTER[inv.status]}
              </Text>
            )}
          </View>
        )}
      </StateView>
    </PageShell>
  );
}
