import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import { call } from '../../api/client';
import { StateView } from '../../components/StateView';
import { timelineLabels } from '../../features';
import { useRemote } from '../../hooks/useRemote';
import { useSessionStore } from '../../stores/session';
import { formatDateTime } from '../../utils/format';
import { timelineEntryUrl } from '../../utils/inbox';
import { go } from '../../utils/nav';

const LABELS = timelineLabels();

/**
 * 我的申请: every status change of every area, newest first. The title already says what happened
 * (入会申请已通过), so no status is repeated; with more than one kind, chips (the areas' labels) filter them.
 * Each entry opens the page of what it is about (utils/inbox.ts timelineEntryUrl).
 * e2e hooks: `me-timeline-item`, `me-timeline-kind`, `me-timeline-title`, `me-timeline-at`.
 */
export function Timeline() {
  const timeline = useRemote(() => call('timeline.list', {}), { refreshOnShow: true });
  const [kind, setKind] = useState<string | null>(null);
  const items = timeline.data?.items ?? [];
  const kinds = [...new Set(items.map((t) => t.area))].filter((k) => LABELS[k]);
  const shown = kind ? items.filter((t) => t.area === kind) : items;
  const openid = useSessionStore((s) => s.session?.openid);
  return (
    <View className='section me-timeline'>
      <Text className='section-title'>我的申请</Text>
      {kinds.length > 1 && (
        <View className='chips me-timeline-kinds'>
          <View className={`chip ${kind ? '' : 'chip-active'}`} onClick={() => setKind(null)}>
            全部
          </View>
          {kinds.map((k) => (
            <View
              key={k}
              className={`chip me-timeline-kind ${kind === k ? 'chip-active' : ''}`}
              data-testid='me-timeline-kind'
              onClick={() => setKind(k)}
            >
              {LABELS[k]}
            </View>
          ))}
        </View>
      )}
      <StateView
        remote={timeline}
        loading={timeline.loading && !timeline.data}
        empty={!!timeline.data && items.length === 0}
        emptyText='暂无申请记录'
      >
        {shown.map((t) => (
          <View
            key={t._id}
            className={`me-timeline-item me-timeline-${t.status}`}
            data-testid='me-timeline-item'
            onClick={() => {
              const url = timelineEntryUrl(t, openid);
              if (url) go(url);
            }}
          >
            <View className='me-timeline-dot' />
            <View className='me-timeline-body'>
              <Text className='me-timeline-title' data-testid='me-timeline-title'>
                {t.title}
              </Text>
              {t.note && <Text className='muted me-timeline-note'>{t.note}</Text>}
              <Text className='muted me-timeline-at' data-testid='me-timeline-at'>
                {formatDateTime(t.at)}
              </Text>
            </View>
          </View>
        ))}
      </StateView>
    </View>
  );
}
