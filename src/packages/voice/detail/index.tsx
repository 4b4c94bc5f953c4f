import { useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { call } from '../../../api/client';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { PageShell } from '../../../components/PageShell';
import { Row } from '../../../components/Row';
import { StateView } from '../../../components/StateView';
import { useAction } from '../../../hooks/useAction';
import { useRemote } from '../../../hooks/useRemote';
import { formatDateTime } from '../../../utils/format';
import { StaffSteps } from './StaffSteps';
import './index.scss';

/**
 * 建言详情: the member sees their report, each step and the union's replies (and may withdraw it until it is
 * accepted); staff of the member's union also see who reported it (each view audited) and take the next step.
 * Test ids: `voice-status`, `voice-reporter`, `voice-step`, `voice-reply-item`, `voice-forwarded`, `voice-photo`,
 * `voice-withdraw`.
 */
export default function VoiceDetail() {
  const { params } = useRouter();
  const reportId = String(params.id ?? '');
  const r = useRemote(() => call('voice.get', { reportId }), { deps: [reportId], refreshOnShow: true });
  const act = useAction();
  const [withdrawing, setWithdrawing] = useState(false);
  const d = r.data;
  const staffView = Boolean(d?.reporter);
  return (
    <PageShell className='vc-detail' page='voiceDetail'>
      <StateView remote={r}>
        {d && (
          <View>
            <View className='vc-card'>
              <Text className='vc-title'>
                {d.kindText} · <Text data-testid='voice-status'>{d.statusText}</Text>
                {d.adopted && <Text className='vc-badge'>已采纳</Text>}
                {d.recognised && <Text className='vc-badge'>优秀合理化建议</Text>}
              </Text>
              {d.reporter && (
                <Row label='提交人' valueTestId='voice-reporter'>
                  {d.reporter.name}（{d.reporter.cardNo}）{d.anonymous ? ' · 向单位匿名' : ' · 实名'}
                </Row>
              )}
              {!staffView && <Row label='向单位'>{d.anonymous ? '匿名' : '实名'}</Row>}
              <Row label='受理工会'>{d.orgName}</Row>
              <Row label='提交时间'>{formatDateTime(d.submittedAt)}</Row>
              {d.hazard && (
                <View>
                  <Row label='地点'>{d.hazard.place}</Row>
                  <Row label='紧急程度'>
                    <Text className={d.urgency === 'critical' ? 'vc-urgency-critical' : ''}>{d.urgencyText}</Text>
                  </Row>
                  <Text className='muted'>{d.hazard.description}</Text>
                  {d.hazard.photoUrls.length > 0 && (
                    <View className='vc-photos'>
                      {d.hazard.photoUrls.map((u) => (
                        <Image key={u} className='vc-photo' src={u} mode='aspectFill' data-testid='voice-photo' />
                      ))}
                    </View>
                  )}
                </View>
              )}
              {d.suggestion && (
                <View>
                  <Row label='标题'>{d.suggestion.title}</Row>
                  <Row label='存在问题'>{d.suggestion.problem}</Row>
                  <Row label='建议内容'>{d.suggestion.proposal}</Row>
                  <Row label='预期效益'>{d.suggestion.benefit}</Row>
                </View>
              )}
            </View>
            {d.replies.length > 0 && (
              <View className='vc-card'>
                <Text className='vc-title'>工会答复</Text>
                {d.replies.map((x) => (
                  <Text key={x.at} className='vc-reply' data-testid='voice-reply-item'>
                    {formatDateTime(x.at)} {x.text}
                  </Text>
                ))}
              </View>
            )}
            {staffView && d.forwards.length > 0 && (
              <View className='vc-card'>
                <Text className='vc-title'>已转交单位</Text>
                {d.forwards.map((f) => (
                  <Text key={f.at} className='vc-forward' data-testid='voice-forwarded'>
                    {formatDateTime(f.at)} 转交{f.to}：{f.text}
                  </Text>
                ))}
              </View>
            )}
            <View className='vc-card'>
              <Text className='vc-title'>办理进度</Text>
              {d.steps.map((s) => (
                <Text key={s.at + s.text} className='vc-step' data-testid='voice-step'>
                  {formatDateTime(s.at)} {s.text}
                </Text>
              ))}
            </View>
            {staffView && <StaffSteps report={d} onDone={r.reload} />}
            {!staffView && d.status === 'submitted' && (
              <View className='vc-card'>
                <Button kind='quiet' block testId='voice-withdraw' onClick={() => setWithdrawing(true)}>
                  撤回
                </Button>
              </View>
            )}
          </View>
        )}
      </StateView>
      <ConfirmDialog
        visible={withdrawing}
        title='撤回建言'
        confirmText='撤回'
        busy={act.busy}
        testId='voice-withdraw-confirm'
        onConfirm={() =>
          void act.run(() => call('voice.withdraw', { reportId }), {
            success: '已撤回',
            onDone: () => {
              setWithdrawing(false);
              r.reload();
            },
            onFail: () => setWithdrawing(false),
          })
        }
        onCancel={() => setWithdrawing(false)}
      >
        撤回后工会不再办理这条建言，确定撤回吗？
      </ConfirmDialog>
    </PageShell>
  );
}
