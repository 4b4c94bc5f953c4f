import { View, Text } from '@tarojs/components';
import { call } from '../../../api/client';
import { PageShell } from '../../../components/PageShell';
import { StateView } from '../../../components/StateView';
import { useRemote } from '../../../hooks/useRemote';
import { CHANNEL_TEXT, formatDateTime, OCCUPATION_OPTIONS, STATUS_TEXT } from '../../../utils/format';
import { ROUTES, go } from '../../../utils/nav';
import { useApplyForm } from '../store';
import './index.scss';
import { Row } from '../../../components/Row';

const HEADLINE = {
  pending: '审核中',
  approved: '已通过',
  rejected: '未通过',
} as const;

export default function ApplicationStatus() {
  const remote = useRemote(() => call('membership.mine', {}), { refreshOnShow: true });
  const prefill = useApplyForm((s) => s.prefill);
  const app = remote.data;

  const resubmit = () => {
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
    <PageShell className='app-status'>
      <StateView
        loading={remote.loading && !app}
        error={remote.error}
        onRetry={remote.reload}
        empty={!remote.loading && !remote.error && !app}
        emptyText='您还没有提交入会申请'
        emptyAction={
          <View className='btn status-apply' onClick={() => go(ROUTES.apply)}>
            立即入会
          </View>
        }
      >
        {app && (
          <View>
            <View className={`section status-head status-${app.status}`}>
              <Text className='status-headline'>{HEADLINE[app.status]}</Text>
              <Text className='status-desc'>
                {app.status === 'pending'
                  ? '您的入会申请已提交，工会将尽快审核。'
                  : app.status === 'approved'
                    ? '恭喜您成为工会会员！'
                    : '很抱歉，您的入会申请未通过审核。'}
              </Text>
              {app.status === 'rejected' && app.rejectReason && <Text className='status-reason'>原因：{app.rejectReason}</Text>}
            </View>
            <View className='section'>
              <Row label='姓名'>{app.name}</Row>
              <Row label='身份证号'>{app.idNumberMasked}</Row>
              <Row label='手机号'>{app.mobileMasked}</Row>
              <Row label='入会方式'>{CHANNEL_TEXT[app.channel]}</Row>
              {app.occupation && (
                <View className='row'>
                  <Text className='row-label'>职业</Text>
                  <Text className='row-value'>
                    {OCCUPATION_OPTIONS.find((o) => o.value === app.occupation)?.label ?? app.occupation}
                  </Text>
                </View>
              )}
              <Row label='工作单位'>{app.workUnit}</Row>
              <Row label='所属工会'>{app.orgName}</Row>
              <Row label='状态' valueClassName={`tag tag-${app.status}`}>
                {STATUS_TEXT[app.status]}
              </Row>
              <Row label='提交时间'>{formatDateTime(app.submittedAt)}</Row>
              {app.reviewedAt && <Row label='审核时间'>{formatDateTime(app.reviewedAt)}</Row>}
            </View>
            <View className='section'>
              {app.status === 'rejected' && (
                <View className='btn status-resubmit' onClick={resubmit}>
                  修改后重新提交
                </View>
              )}
              {app.status === 'approved' && (
                <View className='btn status-card' onClick={() => go(ROUTES.card)}>
                  出示电子工会卡
                </View>
              )}
              {app.status === 'pending' && (
                <View className='btn btn-plain status-edit' onClick={resubmit}>
                  修改申请
                </View>
              )}
              <View className='btn btn-plain status-refresh' onClick={remote.reload}>
                刷新状态
              </View>
            </View>
          </View>
        )}
      </StateView>
    </PageShell>
  );
}
