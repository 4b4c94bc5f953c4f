import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { call } from '../../../api/client';
import { Button } from '../../../components/Button';
import { PageShell } from '../../../components/PageShell';
import { PagedList } from '../../../components/PagedList';
import { Row } from '../../../components/Row';
import { StateView } from '../../../components/StateView';
import { Tabs } from '../../../components/Tabs';
import { useAction } from '../../../hooks/useAction';
import { usePagedRemote } from '../../../hooks/usePagedRemote';
import { useRemote } from '../../../hooks/useRemote';
import { formatDate } from '../../../utils/format';
import { ROUTES, go } from '../../../utils/nav';
import { openExport } from '../../../utils/openExport';
import './index.scss';

type Tab = 'submitted' | 'approved' | 'paid' | 'plans';
const TABS: Array<{ key: Tab; label: string }> = [
  { key: 'submitted', label: '待审核' },
  { key: 'approved', label: '待支付' },
  { key: 'paid', label: '已支付' },
  { key: 'plans', label: '方案与参保' },
];
const EMPTY: Record<Exclude<Tab, 'plans'>, string> = {
  submitted: '没有等待审核的理赔申请',
  approved: '没有等待支付的理赔',
  paid: '还没有已支付的理赔',
};

/**
 * 医疗互助 for union staff: claims of the plans their union runs (names masked in the list; the detail view is
 * audited), by status; the plans they see, with 参保 for their members and the Excel export of claims. Test ids:
 * `ma-tab-<key>` (class), `ma-queue-item`, `ma-plan`, `ma-plan-new`, `ma-enrol-open`, `ma-export`.
 */
export default function MutualAidStaff() {
  const [tab, setTab] = useState<Tab>('submitted');
  const claims = usePagedRemote((page) => call('mutualAid.queue', { status: tab === 'plans' ? 'submitted' : tab, page }), {
    refreshOnShow: true,
    deps: [tab],
  });
  const plans = useRemote(() => call('mutualAid.plans', {}), { refreshOnShow: true });
  const act = useAction();
  const exportClaims = (planId: string, name: string) =>
    act.run(() => call('mutualAid.export', { planId }), {
      failTitle: '未能导出',
      onDone: (r) => void openExport(r.url, `${name}-理赔明细.xlsx`),
    });
  return (
    <PageShell className='ma-staff' page='mutualAidQueue'>
      <Tabs tabs={TABS} value={tab} onChange={setTab} prefix='ma' />
      {tab === 'plans' ? (
        <StateView
          remote={plans}
          empty={!!plans.data && plans.data.length === 0}
          emptyText='还没有医疗互助保障方案。市、区（县）总工会可以设立方案，基层工会为会员参保。'
          emptyAction={
            <Button testId='ma-plan-new' onClick={() => go(ROUTES.mutualAidPlan)}>
              设立方案
            </Button>
          }
        >
          {plans.data?.map((p) => (
            <View key={p.planId} className='ma-card' data-testid='ma-plan'>
              <Text className='ma-title'>{p.name}</Text>
              <Row label='主办工会'>{p.ownerOrgName}</Row>
              <Row label='保障期'>
                {p.periodStart} 至 {p.periodEnd}
              </Row>
              <Row label='每人缴费'>{p.contribution} 元</Row>
              <Text className='muted'>{p.ruleText}</Text>
              <Button
                kind='plain'
                testId='ma-enrol-open'
                onClick={() => go(`${ROUTES.mutualAidEnrol}?planId=${encodeURIComponent(p.planId)}`)}
              >
                会员参保
              </Button>
              <Button kind='plain' testId='ma-export' loading={act.busy} onClick={() => exportClaims(p.planId, p.name)}>
                导出理赔明细
              </Button>
            </View>
          ))}
          {!!plans.data?.length && (
            <View className='ma-card'>
              <Button block kind='plain' testId='ma-plan-new' onClick={() => go(ROUTES.mutualAidPlan)}>
                设立新方案
              </Button>
            </View>
          )}
        </StateView>
      ) : (
        <PagedList list={claims} emptyText={EMPTY[tab]}>
          {(c) => (
            <View
              key={c.claimId}
              className='ma-card'
              data-testid='ma-queue-item'
              onClick={() => go(`${ROUTES.mutualAidReview}?id=${encodeURIComponent(c.claimId)}`)}
            >
              <Text className='ma-title'>
                {c.name} · {c.orgName}
              </Text>
              <Row label='申请日期'>{formatDate(c.submittedAt)}</Row>
              <Row label='住院'>
                {c.hospital}，{c.admittedOn} 至 {c.dischargedOn}
              </Row>
              <Row label={c.approvedAmount !== undefined ? '核准金额' : '按方案计算'}>{c.approvedAmount ?? c.ruleAmount} 元</Row>
            </View>
          )}
        </PagedList>
      )}
    </PageShell>
  );
}
