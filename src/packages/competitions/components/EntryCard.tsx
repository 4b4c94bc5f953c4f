import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { call } from '../../../api/client';
import { useAction } from '../../../hooks/useAction';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { isActive, placeText, score, stageText, statusTone } from '../format';
import type { MyEntry } from '../types';
import { TeamPanel } from './TeamPanel';

const ROLE_TEXT = { individual: '个人报名', captain: '队长（代表队伍报名）', member: '队员' } as const;

/**
 * The member's own part in an event: where it stands (单位推荐, review, waitlist, result), what they declared,
 * their team, and withdrawing. Test ids `competitions-mine-status`, `competitions-mine-result`,
 * `competitions-cancel`, `competitions-cancel-confirm`.
 */
export function EntryCard({ eventId, mine, onChanged }: { eventId: string; mine: MyEntry; onChanged: () => void }) {
  const [ask, setAsk] = useState(false);
  const action = useAction();
  const busy = action.busy;
  const e = mine.enrollment;
  const cancel = () => {
    if (!e) return;
    void action.run(() => call('enrollment.cancel', { enrollmentId: e._id }), {
      success: '已取消报名',
      failTitle: '未能取消',
      onDone: () => {
        setAsk(false);
        onChanged();
      },
      onFail: () => setAsk(false),
    });
  };
  return (
    <View className='section competitions-mine'>
      <View className='competitions-head'>
        <Text className='section-title'>我的报名</Text>
        <Text className={`tag tag-${statusTone(mine.status)} competitions-mine-status`} data-testid='competitions-mine-status'>
          {stageText(mine)}
        </Text>
      </View>
      <Text className='competitions-line muted'>{ROLE_TEXT[mine.role]}</Text>
      {mine.status === 'pending' && mine.unitStatus === 'waiting' && (
        <Text className='competitions-line'>
          名额已为{mine.role === 'individual' ? '您' : '队伍'}保留，等待所在单位工会确认推荐，之后由组织单位审核
        </Text>
      )}
      {mine.status === 'pending' && mine.unitStatus !== 'waiting' && (
        <Text className='competitions-line'>单位工会已推荐，等待组织单位审核</Text>
      )}
      {mine.status === 'waitlisted' && e?.position !== undefined && (
        <Text className='competitions-line'>名额已满，您在候补第 {e.position} 位，有人取消时按顺序递补并通知您</Text>
      )}
      {e?.rejectReason && <Text className='competitions-line competitions-warn'>原因：{e.rejectReason}</Text>}
      {mine.declaration && (
        <Text className='competitions-line muted'>
          填报：从事本工种 {mine.declaration.tradeYears} 年 · {mine.declaration.certLabel}
          {mine.declaration.certPhoto ? ' · 已上传证书' : ''}
        </Text>
      )}
      {mine.result && (
        <View className='competitions-mine-result' data-testid='competitions-mine-result'>
          <Text className='competitions-line competitions-strong'>
            {mine.result.status === 'final' ? '最终成绩' : '成绩公示中'}：{placeText(mine.result)}
          </Text>
          {!mine.result.absent && (
            <Text className='competitions-line muted'>
              理论 {score(mine.result.theory)} · 实操 {score(mine.result.practical)} · 总成绩 {score(mine.result.total)}
            </Text>
          )}
        </View>
      )}
      {mine.team && isActive(mine.status) && (
        <TeamPanel
          eventId={eventId}
          team={mine.team}
          role={mine.role === 'member' ? 'member' : 'captain'}
          onChanged={onChanged}
        />
      )}
      {e && isActive(mine.status) && e.cancel.allowed && (
        <Button
          kind='plain'
          block
          className='competitions-cancel'
          testId='competitions-cancel'
          loading={busy}
          onClick={() => setAsk(true)}
        >
          {mine.role === 'captain' ? '取消队伍报名' : '取消报名'}
        </Button>
      )}
      <ConfirmDialog
        visible={ask}
        title={mine.role === 'captain' ? '确定取消队伍报名？' : '确定取消报名？'}
        confirmText='取消报名'
        cancelText='再想想'
        className='competitions-cancel-dialog'
        busy={busy}
        onConfirm={cancel}
        onCancel={() => setAsk(false)}
      >
        <Text className={e?.cancel.late ? 'competitions-warn' : ''} data-testid='competitions-cancel-confirm'>
          {e?.cancel.message}
          {mine.role === 'captain' ? '；队员将一并退出。' : ''}
        </Text>
      </ConfirmDialog>
    </View>
  );
}
