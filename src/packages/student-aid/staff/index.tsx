import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { call } from '../../../api/client';
import { PageShell } from '../../../components/PageShell';
import { PagedList } from '../../../components/PagedList';
import { Row } from '../../../components/Row';
import { StateView } from '../../../components/StateView';
import { usePagedRemote } from '../../../hooks/usePagedRemote';
import { useRemote } from '../../../hooks/useRemote';
import { formatDate } from '../../../utils/format';
import { ROUTES, go } from '../../../utils/nav';
import { Choices } from '../../../components/Choices';
import { WindowCard } from './WindowCard';
import { WindowForm } from './WindowForm';
import './index.scss';

type Tab = 'submitted' | 'checked' | 'approved' | 'windows';
const TABS: Array<{ key: Tab; label: string }> = [
  { key: 'submitted', label: '待审核' },
  { key: 'checked', label: '待审定' },
  { key: 'approved', label: '待发放' },
  { key: 'windows', label: '活动与公示' },
];

/**
 * 金秋助学审核 for union staff (their subtree): applications waiting for the 基层工会's check, for the decision,
 * grants waiting for payment, and the windows with 公示 and export. Test ids: `student-aid-tab-<key>`,
 * `student-aid-queue-item`.
 */
export default function StudentAidQueue() {
  const [tab, setTab] = useState<Tab>('submitted');
  const list = usePagedRemote((page) => call('studentAid.queue', { status: tab === 'windows' ? 'submitted' : tab, page }), {
    refreshOnShow: true,
    deps: [tab],
  });
  const windows = useRemote(() => call('studentAid.windows', {}), { refreshOnShow: true });
  return (
    <PageShell className='sa-staff' page='studentAidQueue'>
      <Choices options={TABS} value={tab} testId='student-aid-tab' onChange={setTab} />
      {tab === 'windows' && <WindowForm onDone={windows.reload} />}
      {tab === 'windows' ? (
        <StateView
          remote={windows}
          empty={!!windows.data && windows.data.length === 0}
          emptyText='还没有金秋助学活动。区（县）总工会或市总工会设置活动后，会员即可申请。'
        >
          {windows.data?.map((w) => (
            <WindowCard key={w.windowId} w={w} onChanged={windows.reload} />
          ))}
        </StateView>
      ) : (
        <PagedList list={list} emptyText='没有需要处理的申请'>
          {(a) => (
            <View
              key={a.applicationId}
              className='sa-card'
              data-testid='student-aid-queue-item'
              onClick={() => go(`${ROUTES.studentAidCase}?id=${encodeURIComponent(a.applicationId)}`)}
            >
              <Text className='sa-title'>
                {a.name} · {a.orgName}
              </Text>
              <Row label='学生'>
                {a.childName} · {a.levelText} · {a.school}
              </Row>
              <Row label='申请依据'>{a.basisText}</Row>
              <Row label='提交日期'>{formatDate(a.submittedAt)}</Row>
              {a.amount !== undefined && <Row label='资助金额'>{a.amount} 元</Row>}
            </View>
          )}
        </PagedList>
      )}
    </PageShell>
  );
}
