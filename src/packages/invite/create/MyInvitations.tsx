import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { call } from '../../../api/client';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { StateView } from '../../../components/StateView';
import { useAction } from '../../../hooks/useAction';
import { useRemote } from '../../../hooks/useRemote';
import { formatDateTime } from '../../../utils/format';
import { INVITE_STATUS_TEXT } from '../status';

/** 我发出的邀请: each with its state; an open one can be withdrawn (confirmed first). */
export function MyInvitations() {
  const list = useRemote(() => call('invitations.list', {}), { refreshOnShow: true });
  const act = useAction();
  const [asking, setAsking] = useState<{ id: string; name: string } | null>(null);

  const revoke = (invitationId: string) =>
    act
      .run(() => call('invitations.revoke', { invitationId }), {
        success: '已撤回',
        failTitle: '未能撤回',
        onDone: () => setAsking(null),
        onFail: () => setAsking(null),
      })
      .then(() => list.reload());

  return (
    <View className='section'>
      <Text className='section-title'>我发出的邀请</Text>
      <StateView remote={list} empty={!list.data?.items.length} emptyText='还没有发出邀请'>
        {list.data?.items.map((i) => (
          <View key={i.invitationId} className='invite-item' data-testid='invite-item'>
            <View>
              <Text>
                {i.name} · {i.scopeName ?? ''}
                {i.roleLabel}
              </Text>
              <Text className='muted'>
                {INVITE_STATUS_TEXT[i.status] ?? i.status} · {formatDateTime(i.createdAt)}
              </Text>
            </View>
            {i.status === 'open' && (
              <Button small kind='quiet' testId='invite-revoke' onClick={() => setAsking({ id: i.invitationId, name: i.name })}>
                撤回
              </Button>
            )}
          </View>
        ))}
      </StateView>
      <ConfirmDialog
        visible={!!asking}
        title='撤回邀请？'
        busy={act.busy}
        onConfirm={() => asking && void revoke(asking.id)}
        onCancel={() => setAsking(null)}
      >
        <Text>撤回后，{asking?.name ?? ''}将不能再用这个邀请开通角色。</Text>
      </ConfirmDialog>
    </View>
  );
}
