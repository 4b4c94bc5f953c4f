import { Text, View } from '@tarojs/components';
import { call } from '../../../api/client';
import { Button } from '../../../components/Button';
import { PageShell } from '../../../components/PageShell';
import { Row } from '../../../components/Row';
import { StateView } from '../../../components/StateView';
import { useRemote } from '../../../hooks/useRemote';
import { formatDate, formatDateTime } from '../../../utils/format';
import { ROUTES, go } from '../../../utils/nav';
import './index.scss';

/**
 * 医疗互助 for the member: whether they are covered (plan, period, unit, what is left of the cap), the rule, and
 * their claims with each step. Test ids: `ma-cover`, `ma-remaining`, `ma-claim-start`, `ma-claim`, `ma-claim-status`,
 * `ma-claim-amount`, `ma-step`, `ma-withdraw`.
 */
export default function MyMutualAid() {
  const mine = useRemote(() => call('mutualAid.mine', {}), { refreshOnShow: true });
  const data = mine.data;
  const empty = !!data && data.covers.length === 0 && data.claims.length === 0;
  return (
    <PageShell className='ma-mine' page='mutualAid'>
      <StateView
        remote={mine}
        empty={empty}
        emptyText='您目前没有参加职工医疗互助保障。医疗互助由所在单位工会统一为会员参保，如需参加请联系单位工会。'
      >
        {data?.covers.map((c) => (
          <View key={c.enrolmentId} className='ma-card' data-testid='ma-cover'>
            <Text className='ma-title'>{c.plan.name}</Text>
            <Row label='保障状态'>{c.current ? '保障中' : '本期已结束'}</Row>
            <Row label='保障期'>
              {c.plan.periodStart} 至 {c.plan.periodEnd}
            </Row>
            <Row label='参保单位'>{c.orgName}</Row>
            <Row label='主办工会'>{c.plan.ownerOrgName}</Row>
            <Row label='本期剩余额度' valueTestId='ma-remaining'>
              {c.remaining} 元（已核准 {c.approved} 元）
            </Row>
            <Text className='muted'>{c.plan.ruleText}</Text>
            <Button
              block
              testId='ma-claim-start'
              onClick={() => go(`${ROUTES.mutualAidClaim}?planId=${encodeURIComponent(c.plan.planId)}`)}
            >
              住院后申请互助金
            </Button>
          </View>
        ))}
        {data?.claims.map((c) => (
          <View key={c.claimId} className='ma-card' data-testid='ma-claim'>
            <Text className='ma-title'>
              {c.hospital} · <Text data-testid='ma-claim-status'>{c.statusText}</Text>
            </Text>
            <Row label='住院'>
              {c.admittedOn} 至 {c.dischargedOn}
            </Row>
            <Row label='个人自付'>{c.selfPaid} 元</Row>
            <Row label='按方案计算'>{c.ruleAmount} 元</Row>
            {c.approvedAmount !== undefined && (
              <Row label='核准金额' valueTestId='ma-claim-amount'>
                {c.approvedAmount} 元
              </Row>
            )}
            {c.paidOn && <Row label='支付日期'>{formatDate(c.paidOn)}</Row>}
            {c.steps.map((s) => (
              <Text key={s.at + s.text} className='ma-step' data-testid='ma-step'>
                {formatDateTime(s.at)} {s.text}
              </Text>
            ))}
            {c.status === 'submitted' && (
              <Button
                kind='plain'
                testId='ma-withdraw'
                onClick={() => go(`${ROUTES.mutualAidReview}?id=${encodeURIComponent(c.claimId)}`)}
              >
                查看或撤回
              </Button>
            )}
          </View>
        ))}
      </StateView>
    </PageShell>
  );
}
