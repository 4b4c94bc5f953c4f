import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { call } from '../../../api/client';
import { PageShell } from '../../../components/PageShell';
import { ObjectButton, ObjectionDialog, PublicityWindow } from '../../../components/publicity';
import { StateView } from '../../../components/StateView';
import { useRemote } from '../../../hooks/useRemote';
import './index.scss';

interface GrantRow {
  ticket: string;
  maskedName: string;
  levelText: string;
  amount: number;
  orgName: string;
  mine: boolean;
}

/**
 * 金秋助学资助公示: the approved grants with masked student names, the level, the amount and the member's union —
 * nothing more of the family; during the 公示 a member may object to a row other than their own (the one 公示
 * display and objection dialog: components/publicity). Test ids `student-aid-grants`, `student-aid-grant-row`,
 * `student-aid-object`, `student-aid-publicity-state`.
 */
export default function Grants() {
  const { params } = useRouter();
  const windowId = String(params.windowId ?? '');
  const remote = useRemote(() => call('studentAid.grants', { windowId }), { refreshOnShow: true, deps: [windowId] });
  const [target, setTarget] = useState<GrantRow | null>(null);
  const g = remote.data;
  return (
    <PageShell className='sa-grants' page='studentAidGrants'>
      <View data-testid='student-aid-grants'>
        <StateView remote={remote} loading={remote.loading && !g}>
          {g && (
            <View className='sa-card'>
              <Text className='sa-title'>
                {g.window.title} · {g.window.orgName}
              </Text>
              {g.publicity && (
                <PublicityWindow
                  open={g.publicity.open}
                  until={g.publicity.until}
                  where='名单中的“异议”'
                  closedText='公示期已结束，助学金将陆续发放。'
                  className='muted'
                  testId='student-aid-publicity-state'
                />
              )}
              {g.rows.map((r) => (
                <View key={r.ticket} className='sa-row' data-testid='student-aid-grant-row'>
                  <Text>
                    {r.ticket}. {r.maskedName}
                    {r.mine ? '（我家）' : ''} · {r.levelText} · {r.amount} 元
                  </Text>
                  <Text className='muted'>{r.orgName}</Text>
                  {g.publicity?.open && !r.mine && (
                    <ObjectButton className='sa-object' testId='student-aid-object' onClick={() => setTarget(r)} />
                  )}
                </View>
              ))}
            </View>
          )}
        </StateView>
      </View>
      <ObjectionDialog
        target={target ? { ticket: target.ticket, label: target.maskedName } : null}
        title={`对“${target?.maskedName ?? ''}”的资助提出异议`}
        checkedBy='工会'
        file={(ticket, reason) => call('studentAid.object', { windowId, ticket, reason })}
        onClose={() => setTarget(null)}
        testIdPrefix='student-aid'
        classPrefix='sa'
      />
    </PageShell>
  );
}
