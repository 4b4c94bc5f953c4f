import { Text, View } from '@tarojs/components';
import { call } from '../../../api/client';
import { Button } from '../../../components/Button';
import { PageShell } from '../../../components/PageShell';
import { Row } from '../../../components/Row';
import { StateView } from '../../../components/StateView';
import { useRemote } from '../../../hooks/useRemote';
import { formatDateTime } from '../../../utils/format';
import { ROUTES, go } from '../../../utils/nav';
import { withQuery } from '../query';
import './index.scss';

/**
 * 线上法律咨询 for the member: the union's promise, the way to ask and to report unpaid wages, the member's
 * questions and 欠薪求助 with their status. Test ids: `legal-qa-ask`, `legal-qa-wage-report`, `legal-qa-question`,
 * `legal-qa-wage`, `legal-qa-promise`.
 */
export default function LegalQaHome() {
  const data = useRemote(
    async () => {
      const [form, questions, wages] = await Promise.all([
        call('legalQa.form', {}),
        call('legalQa.mine', {}),
        call('legalQa.myWages', {}),
      ]);
      return { form, questions, wages };
    },
    { refreshOnShow: true },
  );
  const d = data.data;
  return (
    <PageShell className='lq-home' page='legalQa'>
      <StateView remote={data} loading={data.loading && !d}>
        {d && (
          <View>
            <View className='lq-card'>
              <Text className='lq-title'>不用请假，在线问律师</Text>
              <Text className='muted'>写下遇到的劳动争议，法律援助站的值班律师在线答复；需要时可转为到站咨询。</Text>
              <Text className='lq-promise' data-testid='legal-qa-promise'>
                {d.form.promiseText}
              </Text>
              <Button block testId='legal-qa-ask' onClick={() => go(ROUTES.legalQaAsk)}>
                我要咨询
              </Button>
              <View style={{ marginTop: '16px' }}>
                <Button block kind='plain' testId='legal-qa-wage-report' onClick={() => go(ROUTES.legalQaWageReport)}>
                  欠薪求助（直接转工会处理）
                </Button>
              </View>
            </View>
            <View className='lq-card'>
              <Text className='lq-title'>我的咨询</Text>
              {d.questions.items.length === 0 && <Text className='muted'>还没有咨询。</Text>}
              {d.questions.items.map((q) => (
                <View
                  key={q.questionId}
                  className='lq-item'
                  data-testid='legal-qa-question'
                  onClick={() => go(withQuery(ROUTES.legalQaThread, { id: q.questionId }))}
                >
                  <Text className='lq-title'>
                    {q.typeText} · <Text className={`tag tag-${q.status}`}>{q.statusText}</Text>
                  </Text>
                  <Row label='援助站'>{q.stationName}</Row>
                  <Row label='提交时间'>{formatDateTime(q.askedAt)}</Row>
                  {q.status === 'waiting' && <Row label='承诺答复'>{`${formatDateTime(q.dueAt)} 前`}</Row>}
                </View>
              ))}
            </View>
            <View className='lq-card'>
              <Text className='lq-title'>我的欠薪求助</Text>
              {d.wages.items.length === 0 && <Text className='muted'>没有欠薪求助。</Text>}
              {d.wages.items.map((w) => (
                <View
                  key={w.wageId}
                  className='lq-item'
                  data-testid='legal-qa-wage'
                  onClick={() => go(withQuery(ROUTES.legalQaWage, { id: w.wageId }))}
                >
                  <Text className='lq-title'>
                    {w.employerMasked} · <Text className={`tag tag-${w.status}`}>{w.statusText}</Text>
                  </Text>
                  <Row label='受理工会'>{w.orgName}</Row>
                  <Row label='拖欠'>{`${w.monthsOwed}个月 · ${w.amount}元`}</Row>
                </View>
              ))}
            </View>
          </View>
        )}
      </StateView>
    </PageShell>
  );
}
