import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { call, type OutputOf } from '../../../api/client';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ShareLink } from '../../../components/ShareLink';
import { useAction } from '../../../hooks/useAction';
import { formatDateTime } from '../../../utils/format';
import { joinPath, useSharedTeamLink } from '../store';
import type { TeamView } from '../types';

type Made = OutputOf<'competitions.createTeamLink'>;
type LinkItem = NonNullable<TeamView['links']>[number];

interface TeamLinksProps {
  eventId: string;
  team: TeamView;
  onChanged: () => void;
}

/**
 * The captain's invitation links: 生成邀请链接 → a share card (WeChat's share to a chat), the QR code and the link
 * to copy; the links still open or declined, each open one revocable. Test ids `competitions-link-create`,
 * `competitions-link-made`, `competitions-teamlink-link` / `-qr` / `-copy` / `-share`, `competitions-link-item`,
 * `competitions-link-revoke`, `competitions-link-confirm`.
 */
export function TeamLinks({ eventId, team, onChanged }: TeamLinksProps) {
  const [made, setMade] = useState<Made | null>(null);
  const [revoking, setRevoking] = useState<LinkItem | null>(null);
  const share = useSharedTeamLink((s) => s.set);
  const action = useAction();
  const canInvite = team.canChange && team.size < team.max;

  const create = () =>
    void action.run(() => call('competitions.createTeamLink', { eventId }), {
      failTitle: '未能生成邀请链接',
      onDone: (value) => {
        setMade(value);
        share({
          eventId,
          title: `${value.captainName}邀请您加入「${value.teamName}」· ${value.eventTitle}`,
          path: joinPath(value.code),
        });
        onChanged();
      },
    });

  const revoke = () => {
    const current = revoking;
    if (!current) return;
    void action.run(() => call('competitions.revokeTeamLink', { linkId: current.linkId }), {
      success: '已撤回',
      failTitle: '未能撤回',
      onDone: () => {
        setRevoking(null);
        if (made?.linkId === current.linkId) {
          setMade(null);
          share(null);
        }
        onChanged();
      },
      onFail: () => setRevoking(null),
    });
  };

  return (
    <View className='competitions-team-links'>
      {(team.links ?? []).map((l) => (
        <View key={l.linkId} className='competitions-item competitions-invite-item' data-testid='competitions-link-item'>
          <Text className='competitions-item-main muted'>
            {l.usedByName ?? '邀请链接'} · {l.stateText}
            {l.state === 'open' ? ` · 有效期至${formatDateTime(l.expiresAt)}` : ''}
          </Text>
          {l.state === 'open' && team.canChange && (
            <Text className='competitions-small-action' data-testid='competitions-link-revoke' onClick={() => setRevoking(l)}>
              撤回
            </Text>
          )}
        </View>
      ))}
      {made && canInvite && (
        <View className='competitions-invite' data-testid='competitions-link-made'>
          <Text className='competitions-line'>
            请把链接发给与您同属一个单位工会的队员：对方打开后可查看队伍和比赛信息，填写从业信息即加入。有效期至
            {formatDateTime(made.expiresAt)}，只能一人使用，可随时撤回。
          </Text>
          <ShareLink path={joinPath(made.code)} prefix='competitions-teamlink' />
        </View>
      )}
      {canInvite && (
        <Button
          block
          className='competitions-invite-send'
          testId='competitions-link-create'
          loading={action.busy}
          onClick={create}
        >
          {made ? '再生成一个邀请链接' : '生成邀请链接（发给微信好友或面对面扫码）'}
        </Button>
      )}
      <ConfirmDialog
        visible={!!revoking}
        title='撤回这个邀请链接？'
        confirmText='撤回'
        busy={action.busy}
        onConfirm={revoke}
        onCancel={() => setRevoking(null)}
      >
        <Text data-testid='competitions-link-confirm'>撤回后，收到链接的人将无法再用它加入队伍。</Text>
      </ConfirmDialog>
    </View>
  );
}
