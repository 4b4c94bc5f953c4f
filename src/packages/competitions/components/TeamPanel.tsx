import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { call } from '../../../api/client';
import { useAction } from '../../../hooks/useAction';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import type { TeamView } from '../types';
import { TeamLinks } from './TeamLinks';

interface TeamPanelProps {
  eventId: string;
  team: TeamView;
  role: 'captain' | 'member';
  onChanged: () => void;
}

type Ask = { kind: 'remove'; inviteId: string; name: string } | { kind: 'leave' } | null;

/**
 * The team: captain and members, the captain's invitations (a link to share, TeamLinks.tsx; or, as a fallback,
 * a colleague by name and card number; withdraw, remove), or a member's way out. Test ids `competitions-team`, `competitions-team-member`,
 * `competitions-invite-name` / `-card` (input inside), `competitions-invite-send`, `competitions-invite-item`,
 * `competitions-leave`, `competitions-team-confirm`.
 */
export function TeamPanel({ eventId, team, role, onChanged }: TeamPanelProps) {
  const [name, setName] = useState('');
  const [cardNo, setCardNo] = useState('');
  const [ask, setAsk] = useState<Ask>(null);
  const action = useAction();
  const busy = action.busy;
  const error = action.fieldErrors.invite;

  const sendInvite = () => {
    if (busy) return;
    if (name.trim().length < 2 || !/^[A-Za-z0-9]{6,20}$/.test(cardNo.trim()))
      return action.setFieldErrors({ invite: '请填写队员的姓名和会员卡号（电子工会卡上的卡号）' });
    void action.run(() => call('competitions.invite', { eventId, name: name.trim(), cardNo: cardNo.trim().toUpperCase() }), {
      success: '邀请已发送',
      // the invitation form is small: any refusal is said under it
      fieldKey: () => 'invite',
      onDone: () => {
        setName('');
        setCardNo('');
        onChanged();
      },
    });
  };

  const confirmAsk = () => {
    const current = ask;
    if (!current) return;
    void action.run(
      async () => {
        if (current.kind === 'leave') await call('competitions.leaveTeam', { eventId });
        else await call('competitions.removeTeammate', { inviteId: current.inviteId });
      },
      {
        success: '已办理',
        failTitle: '未能办理',
        onDone: () => {
          setAsk(null);
          onChanged();
        },
        onFail: () => setAsk(null),
      },
    );
  };

  return (
    <View className='competitions-team' data-testid='competitions-team'>
      <View className='competitions-head'>
        <Text className='competitions-team-name'>队伍：{team.name}</Text>
        <Text className={team.size >= team.min ? 'tag tag-approved' : 'tag tag-pending'}>
          {team.size}/{team.max}人
        </Text>
      </View>
      {team.size < team.min && (
        <Text className='competitions-line competitions-warn'>至少{team.min}人才能通过审核，请尽快邀请队员并提醒其确认</Text>
      )}
      {team.members.map((m, i) => (
        <View
          key={`${m.name}-${i}`}
          className='competitions-item competitions-team-member'
          data-testid='competitions-team-member'
        >
          <Text className='competitions-item-main'>
            {m.name}
            {m.role === 'captain' ? '（队长）' : ''}
          </Text>
          {role === 'captain' && m.inviteId && team.canChange && (
            <Text
              className='competitions-small-action competitions-remove'
              onClick={() => setAsk({ kind: 'remove', inviteId: m.inviteId!, name: m.name })}
            >
              移出
            </Text>
          )}
        </View>
      ))}
      {(team.invites ?? []).map((i) => (
        <View key={i.inviteId} className='competitions-item competitions-invite-item' data-testid='competitions-invite-item'>
          <Text className='competitions-item-main muted'>
            {i.name} · {i.statusText}
          </Text>
          {i.status === 'invited' && team.canChange && (
            <Text
              className='competitions-small-action'
              onClick={() => setAsk({ kind: 'remove', inviteId: i.inviteId, name: i.name })}
            >
              撤回
            </Text>
          )}
        </View>
      ))}
      {role === 'captain' && <TeamLinks eventId={eventId} team={team} onChanged={onChanged} />}
      {role === 'captain' && team.canChange && team.size < team.max && (
        <View className='competitions-invite'>
          <Text className='competitions-field-label'>或按姓名和会员卡号邀请（须同属本单位工会）</Text>
          <View className='competitions-invite-name' data-testid='competitions-invite-name'>
            <Input
              className='competitions-input'
              value={name}
              maxlength={30}
              placeholder='队员姓名'
              onInput={(e) => {
                setName(e.detail.value);
                action.clearField('invite');
              }}
            />
          </View>
          <View className='competitions-invite-card' data-testid='competitions-invite-card'>
            <Input
              className='competitions-input'
              value={cardNo}
              maxlength={20}
              placeholder='会员卡号，如 CZ2024000001'
              onInput={(e) => {
                setCardNo(e.detail.value);
                action.clearField('invite');
              }}
            />
          </View>
          {error && (
            <Text className='competitions-field-error competitions-invite-error' data-testid='competitions-invite-error'>
              {error}
            </Text>
          )}
          <Button
            block
            kind='plain'
            className='competitions-invite-send'
            testId='competitions-invite-send'
            loading={busy}
            onClick={sendInvite}
          >
            发送邀请
          </Button>
        </View>
      )}
      {role === 'member' && team.canChange && (
        <Button
          block
          kind='quiet'
          className='competitions-leave'
          testId='competitions-leave'
          disabled={busy}
          onClick={() => setAsk({ kind: 'leave' })}
        >
          退出队伍
        </Button>
      )}
      {!team.canChange && <Text className='competitions-line muted'>队伍已审核通过或报名已截止，成员不能再调整</Text>}
      <ConfirmDialog
        visible={!!ask}
        title={ask?.kind === 'leave' ? '确定退出队伍？' : `确定撤回或移出${ask?.kind === 'remove' ? ask.name : ''}？`}
        className='competitions-team-dialog'
        busy={busy}
        onConfirm={confirmAsk}
        onCancel={() => setAsk(null)}
      >
        <Text data-testid='competitions-team-confirm'>
          {ask?.kind === 'leave' ? '退出后如需再加入，须队长重新邀请。' : '对方将收到通知；如需再加入，须重新邀请。'}
        </Text>
      </ConfirmDialog>
    </View>
  );
}
