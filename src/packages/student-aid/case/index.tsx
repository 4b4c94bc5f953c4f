import { Image, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { call } from '../../../api/client';
import { PageShell } from '../../../components/PageShell';
import { Row } from '../../../components/Row';
import { StateView } from '../../../components/StateView';
import { useRemote } from '../../../hooks/useRemote';
import { formatDateTime } from '../../../utils/format';
import { DecisionForm, PaymentForm } from './ReviewForms';
import './index.scss';

/**
 * 助学申请详情 for the reviewing staff (each view is audited): the child in full (name, ID number), school, level,
 * tuition, the admission letter and receipt, the basis, each step, then the step that is theirs (check, decide,
 * payment). Test ids: `student-aid-case-status`, `student-aid-case-child`, `student-aid-case-id`,
 * `student-aid-case-basis`, `student-aid-proof`.
 */
export default function StudentAidCase() {
  const { params } = useRouter();
  const applicationId = String(params.id ?? '');
  const remote = useRemote(() => call('studentAid.get', { applicationId }), { deps: [applicationId] });
  const d = remote.data;
  return (
    <PageShell className='sa-case' page='studentAidCase'>
      <StateView remote={remote}>
        {d && (
          <View>
            <View className='sa-card'>
              <Text className='sa-title'>
                {d.name} · <Text data-testid='student-aid-case-status'>{d.statusText}</Text>
              </Text>
              <Row label='所在工会'>{d.orgName}</Row>
              <Row label='学生姓名' valueTestId='student-aid-case-child'>
                {d.childName}
              </Row>
              <Row label='身份证号' valueTestId='student-aid-case-id'>
                {d.childIdNumber}
              </Row>
              <Row label='录取学校'>
                {d.school}（{d.levelText}）{d.major ? ` · ${d.major}` : ''}
              </Row>
              <Row label='学费'>{d.tuition} 元</Row>
              <Row label='申请依据' valueTestId='student-aid-case-basis'>
                {d.basisText}
              </Row>
              <Row label='按标准可资助'>{d.amount ?? d.tableAmount} 元</Row>
              {d.payment && (
                <Row label='发放'>
                  {d.payment.date} 已发放 {d.payment.amount} 元
                </Row>
              )}
              {d.note && <Text className='muted'>意见：{d.note}</Text>}
            </View>
            <View className='sa-card'>
              <Text className='sa-title'>录取通知书与缴费凭证</Text>
              {[d.admissionLetterUrl, d.receiptUrl].filter(Boolean).map((u) => (
                <Image key={u} className='sa-photo' src={u} mode='aspectFill' data-testid='student-aid-proof' />
              ))}
            </View>
            {d.steps.map((s) => (
              <Text key={s.at + s.text} className='sa-step'>
                {formatDateTime(s.at)} {s.text}
              </Text>
            ))}
            {d.can.check && (
              <DecisionForm applicationId={d.applicationId} step='check' amount={d.tableAmount} onDone={remote.reload} />
            )}
            {d.can.decide && (
              <DecisionForm applicationId={d.applicationId} step='decide' amount={d.tableAmount} onDone={remote.reload} />
            )}
            {d.can.pay && <PaymentForm applicationId={d.applicationId} amount={d.amount ?? 0} onDone={remote.reload} />}
            {d.status === 'approved' && !d.can.pay && (
              <Text className='muted sa-card'>资助名单公示期结束且异议处理完毕后，可在这里登记发放。</Text>
            )}
          </View>
        )}
      </StateView>
    </PageShell>
  );
}
