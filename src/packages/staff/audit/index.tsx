import { useState } from 'react';
import { View, Text, Switch } from '@tarojs/components';
import { call } from '../../../api/client';
import { LoadMore } from '../../../components/LoadMore';
import { PageShell } from '../../../components/PageShell';
import { StateView } from '../../../components/StateView';
import { usePagedRemote } from '../../../hooks/usePagedRemote';
import { formatDateTime } from '../../../utils/format';
import '../staff.scss';
import './index.scss';

/**
 * 操作日志 (administrators): who did what, in words, newest first. Views of personal data (a reviewer
 * opening an ID number) are recorded too, shown only when asked for.
 * e2e hooks: `.audit-item`, `.audit-action`, `.audit-actor`, `.audit-pii-switch`, `.audit-pii`.
 */
export default function Audit() {
  const [includePiiViews, setIncludePiiViews] = useState(false);
  const list = usePagedRemote((page) => call('audit.list', { page, includePiiViews }), {
    refreshOnShow: true,
    deps: [includePiiViews],
  });
  return (
    <PageShell className='staff-audit' page='staffAudit'>
      <View className='staff-switch'>
        <View>
          <Text className='audit-switch-label'>显示个人信息查看记录</Text>
          <Text className='muted audit-switch-note'>审核人员查看身份证号等信息的记录</Text>
        </View>
        <Switch
          className='audit-pii-switch'
          data-testid='staff-audit-pii-switch'
          checked={includePiiViews}
          color='#c8161d'
          onChange={(e) => setIncludePiiViews(e.detail.value)}
        />
      </View>
      <StateView remote={list} empty={!!list.data && list.data.items.length === 0} emptyText='暂无操作记录'>
        <Text className='muted staff-count audit-count'>共 {list.data?.total ?? 0} 条</Text>
        {list.data?.items.map((e) => (
          <View
            key={e._id}
            className={`staff-item audit-item ${e.kind === 'pii_view' ? 'audit-pii' : ''}`}
            data-testid={e.kind === 'pii_view' ? 'staff-audit-pii' : 'staff-audit-item'}
          >
            <View className='staff-item-head'>
              <Text className='staff-item-name audit-action'>{e.actionLabel}</Text>
              {e.kind === 'pii_view' && <Text className='tag tag-pending'>个人信息查看</Text>}
            </View>
            <Text className='staff-item-line audit-actor'>操作人：{e.actorName}</Text>
            {e.summary && <Text className='staff-item-line'>对象：{e.summary}</Text>}
            {e.orgName && <Text className='staff-item-line'>工会：{e.orgName}</Text>}
            <Text className='staff-item-line'>{formatDateTime(e.at)}</Text>
          </View>
        ))}
        <LoadMore hasMore={list.hasMore} loading={list.loadingMore} error={list.moreError} onLoad={list.loadMore} />
      </StateView>
    </PageShell>
  );
}
