import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { call } from '../../../api/client';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { useAction } from '../../../hooks/useAction';
import type { MyProfile } from '../types';

/**
 * Single status (confirmation by the member's union) and the pause switch, each confirmed. Test ids
 * `matchmaking-single-status`, `matchmaking-ask-confirm`, `matchmaking-pause`, `matchmaking-standing-dialog`.
 */
export function Standing({ profile, onChanged }: { profile: MyProfile; onChanged: (p: MyProfile) => void }) {
  const [ask, setAsk] = useState<'pause' | 'confirm' | null>(null);
  const act = useAction();
  const run = (what: 'pause' | 'confirm') =>
    act.run(
      () =>
        what === 'pause'
          ? call('matchmaking.setPaused', { paused: !profile.paused })
          : call('matchmaking.requestConfirmation', {}),
      {
        success: what === 'confirm' ? '已提交申请' : profile.paused ? '已恢复展示' : '已暂停展示',
        failTitle: '未能办理',
        fieldKey: () => undefined,
        onDone: (next) => (setAsk(null), onChanged(next)),
        onFail: () => setAsk(null),
      },
    );
  const canAsk = profile.single.status === 'declared' || profile.single.status === 'rejected';
  return (
    <View className='section mm-standing'>
      <View className='mm-head'>
        <Text className='section-title'>单身状态</Text>
        <Text
          className={`tag ${profile.single.status === 'confirmed' ? 'tag-approved' : 'tag-pending'} mm-single-status`}
          data-testid='matchmaking-single-status'
        >
          {profile.single.statusText}
        </Text>
      </View>
      {profile.single.decidedOrgName && profile.single.status === 'confirmed' && (
        <Text className='mm-line muted'>已由{profile.single.decidedOrgName}确认</Text>
      )}
      {profile.single.note && <Text className='mm-line muted'>说明：{profile.single.note}</Text>}
      {canAsk && (
        <Button
          kind='plain'
          block
          className='mm-ask-confirm'
          testId='matchmaking-ask-confirm'
          loading={act.busy}
          onClick={() => setAsk('confirm')}
        >
          申请单位工会确认单身
        </Button>
      )}
      <View className='mm-head mm-pause-row'>
        <Text>{profile.paused ? '资料已暂停展示，任何人都看不到' : '资料正在展示'}</Text>
        <Button
          small
          kind={profile.paused ? 'primary' : 'quiet'}
          className='mm-pause'
          testId='matchmaking-pause'
          loading={act.busy}
          onClick={() => setAsk('pause')}
        >
          {profile.paused ? '恢复展示' : '暂停展示'}
        </Button>
      </View>
      <ConfirmDialog
        visible={!!ask}
        title={ask === 'confirm' ? '申请单位工会确认？' : profile.paused ? '恢复展示资料？' : '暂停展示资料？'}
        className='mm-standing-dialog'
        testId='matchmaking-standing-dialog'
        busy={act.busy}
        onConfirm={() => ask && void run(ask)}
        onCancel={() => setAsk(null)}
      >
        <Text>
          {ask === 'confirm'
            ? '所在工会的工作人员将看到您的姓名和申请（看不到交友资料），核实后确认。部分活动要求确认后才能报名。'
            : profile.paused
              ? '恢复后，同场参加者和互选对象将重新看到您的资料。'
              : '暂停后，任何人（包括同场参加者、互选对象和组织工会）都看不到您的资料；暂停期间不能报名或互选。'}
        </Text>
      </ConfirmDialog>
    </View>
  );
}
