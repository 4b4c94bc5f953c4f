import { View, Text } from '@tarojs/components';
import { call } from '../../api/client';
import { StateView } from '../../components/StateView';
import { timelineLabels } from '../../features';
import { useRemote } from '../../hooks/useRemote';
import { formatDateTime } from '../../utils/format';

const LABELS = timelineLabels();

/**
 * 我的申请: every status change of every area, newest first. The title already says what happened
 * (入会申请已通过), so the status is not repeated. e2e hook: `.me-timeline-item`.
 */
export function Timeline() {
  const timeline = useRemote(() => call('timeline.list', {}), { refreshOnShow: true });
  return (
    <View className='section me-timeline'>
      <Text className='section-title'>我的申请</Text>
      <StateView
        loading={timeline.loading && !timeline.data}
        error={timeline.error}
        errorCode={timeline.errorCode}
        onRetry={timeline.reload}
        empty={!!timeline.data && timeline.data.items.length === 0}
        emptyText='暂无申请记录'
      >
        {timeline.data?.items.map((t) => (
          <View key={t._id} className={`me-timeline-item me-timeline-${t.status}`}>
            <View className='me-timeline-dot' />
            <View className='me-timeline-body'>
              <View className='me-timeline-head'>
                {LABELS[t.area] && <Text className='tag me-timeline-kind'>{LABELS[t.area]}</Text>}
                <Text className='me-timeline-title'>{t.title}</Text>
              </View>
              {t.note && <Text className='muted me-timeline-note'>{t.note}</Text>}
              <Text className='muted'>{formatDateTime(t.at)}</Text>
            </View>
          </View>
        ))}
      </StateView>
    </View>
  );
}
