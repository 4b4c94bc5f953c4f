import { View, Text } from '@tarojs/components';
import { APPLICATION_STATUS_LABELS, CHANNEL_LABELS, OCCUPATION_LABELS } from '@rules/membership';
import { Button } from '../../../components/Button';
import { PageShell } from '../../../components/PageShell';
import { Row } from '../../../components/Row';
import { StateView } from '../../../components/StateView';
import { sessionLoad, useSession } from '../../../stores/session';
import { formatDateTime } from '../../../utils/format';
import { ROUTES, go } from '../../../utils/nav';
import { useApplyForm } from '../store';
import './index.scss';

const DESCRIPTION = {
  pending: '您的入会申请已提交，所属工会将尽快审核。',
  approved: '恭喜您成为工会会员！',
  rejected: '很抱歉，您的入会申请未通过审核。',
} as const;

/** 入会申请进度, from the session (refreshed when the page comes back into view or on 刷新状态). */
export default function ApplicationStatus() {
  const sessionState = useSession({ refreshOnShow: true });
  const { session, loading, load } = sessionState;
  const prefill = useApplyForm((s) => s.prefill);
  const app = session?.application ?? null;

  const correct = () => {
    if (!app) return;
    prefill({
      name: app.name,
      workUnit: app.workUnit,
      orgId: app.orgId,
      orgName: app.orgName,
      channel: app.channel,
      occupation: app.occupation ?? '',
      maskedHints: { idNumber: app.idNumberMasked, mobile: app.mobileMasked },
    });
    go(ROUTES.apply);
  };

  return (
    <PageShell className='app-status' page='applicationStatus'>
      <StateView
        remote={sessionLoad(sessionState)}
        empty={!!session && !app}
        emptyText='您还没有提交入会申请'
        emptyAction={
          <Button block className='status-apply' onClick={() => go(ROUTES.apply)}>
            立即入会
          </Button>
        }
      >
        {app && (
          <View>
            <View className={`section status-head status-${app.status}`}>
              <Text className='status-headline' data-testid='membership-status-headline'>
                {APPLICATION_STATUS_LABELS[app.status]}
              </Text>
              <Text className='status-desc'>{DESCRIPTION[app.status]}</Text>
              {app.status === 'rejected' && app.rejectReason && (
                <Text className='status-reason' data-testid='membership-status-reason'>
                  原因：{app.rejectReason}
                </Text>
              )}
            </View>
            <View className='section'>
              <Row label='姓名'>{app.name}</Row>
              <Row label='身份证号'>{app.idNumberMasked}</Row>
              <Row label='手机号'>{app.mobileMasked}</Row>
              <Row label='入会方式'>{CHANNEL_LABELS[app.channel]}</Row>
              {app.occupation && <Row label='职业'>{OCCUPATION_LABELS[app.occupation]}</Row>}
              <Row label='工作单位'>{app.workUnit}</Row>
              <Row label='所属工会'>{app.orgName}</Row>
              <Row label='提交时间'>{formatDateTime(app.submittedAt)}</Row>
              {app.reviewedAt && <Row label='审核时间'>{formatDateTime(app.reviewedAt)}</Row>}
            </View>
            <View className='section'>
              {app.status === 'rejected' && (
                <Button block className='status-resubmit' testId='membership-status-resubmit' onClick={correct}>
                  修改后重新提交
                </Button>
              )}
              {app.status === 'approved' && (
                <Button block className='status-card' onClick={() => go(ROUTES.card)}>
                  出示电子工会卡
                </Button>
              )}
              {app.status === 'pending' && (
                <Button block kind='plain' className='status-edit' onClick={correct}>
                  修改申请
                </Button>
              )}
              <Button block kind='quiet' className='status-refresh' loading={loading} onClick={() => void load()}>
                刷新状态
              </Button>
            </View>
          </View>
        )}
      </StateView>
    </PageShell>
  );
}
