import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { call } from '../../../api/client';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { useAction } from '../../../hooks/useAction';
import { ROUTES, go } from '../../../utils/nav';
import type { EventPage, Invitation } from '../types';

/** 组队邀请 to the member: accept (on to the form) or decline (confirmed). */
export function Invitations({ page, onChanged }: { page: EventPage; onChanged: () => void }) {
  const [declining, setDeclining] = useState<Invitation | null>(null);
  const action = useAction();
  const decline = () => {
    if (!declining) return;
    void action.run(() => call('competitions.respondInvite', { inviteId: declining.inviteId, accept: false }), {
      failTitle: '未能办理',
      onDone: () => {
        setDeclining(null);
        onChanged();
      },
      onFail: () => setDeclining(null),
    });
  };
  if (!page.invitations.length) return null;
  return (
    <View className='section competitions-invitations'>
      <Text className='section-title'>组队邀请</Text>
      {page.invitations.map((i) => (
        <View key={i.inviteId} className='competitions-invitation'>
          <Text className='competitions-line'>
            {i.captainName}邀请您加入「{i.teamName}」
          </Text>
          <View className='competitions-actions'>
            <Button
              className='competitions-accept'
              testId='competitions-accept'
              onClick={() => go(`${ROUTES.competitionRegister}?id=${i.eventId}&invite=${encodeURIComponent(i.inviteId)}`)}
            >
              接受并填写信息
            </Button>
            <Button kind='quiet' className='competitions-decline' testId='competitions-decline' onClick={() => setDeclining(i)}>
              谢绝
            </Button>
          </View>
        </View>
      ))}
      <ConfirmDialog
        visible={!!declining}
        title='谢绝组队邀请？'
        confirmText='谢绝'
        busy={action.busy}
        onConfirm={decline}
        onCancel={() => setDeclining(null)}
      >
        <Text data-testid='competitions-decline-confirm'>队长将收到通知。谢绝后如需加入，须队长重新邀请。</Text>
      </ConfirmDialog>
    </View>
  );
}
