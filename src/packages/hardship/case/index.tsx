import { Image, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { call } from '../../../api/client';
import { PageShell } from '../../../components/PageShell';
import { Row } from '../../../components/Row';
import { StateView } from '../../../components/StateView';
import { useRemote } from '../../../hooks/useRemote';
import { formatDateTime } from '../../../utils/format';
import { DecideForm, VisitForm } from './ReviewForms';
import './index.scss';

/**
 * 帮扶申请详情 for the reviewing staff (each view is audited): the household, income, story and proof, the
 * home visit, then the step that is theirs. Test ids: `hardship-case-status`, `hardship-case-member`,
 * `hardship-evidence`, `hardship-visit`.
 */
export default function HardshipCase() {
  const { params } = useRouter();
  const caseId = String(params.id ?? '');
  const c = useRemote(() => call('hardship.get', { caseId }), { deps: [caseId] });
  const d = c.data;
  return (
    <PageShell className='hs-case' page='hardshipCase'>
      <StateView remote={c}>
        {d && (
          <View>
            <View className='hs-card'>
              <Text className='hs-title'>
                {d.name} · <Text data-testid='hardship-case-status'>{d.statusText}</Text>
              </Text>
              <Row label='所在工会'>{d.orgName}</Row>
              <Row label='家庭月总收入'>{d.income} 元</Row>
              <Row label='每月刚性支出'>{d.rigidExpenses} 元</Row>
              <Row label='月人均收入'>{d.incomePerHead} 元</Row>
              <Row label='致困原因'>{d.causes.join('、')}</Row>
              <Row label='希望得到的帮助'>{d.helpAsked}</Row>
              <Text className='muted'>{d.story}</Text>
            </View>
            <View className='hs-card'>
              <Text className='hs-title'>家庭成员</Text>
              {d.household.map((m, i) => (
                <Row key={i} label={`${m.relation} ${m.name}`} valueTestId='hardship-case-member'>
                  {m.age}岁，月收入 {m.income} 元{m.situation ? `，${m.situation}` : ''}
                </Row>
              ))}
            </View>
            {d.evidenceUrls.length > 0 && (
              <View className='hs-card hs-photos'>
                {d.evidenceUrls.map((u) => (
                  <Image key={u} className='hs-photo' src={u} mode='aspectFill' data-testid='hardship-evidence' />
                ))}
              </View>
            )}
            {d.visit && (
              <View className='hs-card' data-testid='hardship-visit'>
                <Text className='hs-title'>入户调查（{d.visit.date}）</Text>
                <Row label='走访人员'>{d.visit.visitors}</Row>
                <Text className='muted'>{d.visit.findings}</Text>
              </View>
            )}
            {d.steps.map((s) => (
              <Text key={s.at + s.text} className='hs-step'>
                {formatDateTime(s.at)} {s.text}
              </Text>
            ))}
            {d.status === 'submitted' && <VisitForm caseId={d.caseId} onDone={c.reload} />}
            {d.status === 'visited' && <DecideForm caseId={d.caseId} onDone={c.reload} />}
          </View>
        )}
      </StateView>
    </PageShell>
  );
}
