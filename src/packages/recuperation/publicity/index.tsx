import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { call } from '../../../api/client';
import { LoadMore } from '../../../components/LoadMore';
import { PageShell } from '../../../components/PageShell';
import { ObjectButton, ObjectionDialog, PublicityWindow } from '../../../components/publicity';
import { StateView } from '../../../components/StateView';
import { usePagedRemote } from '../../../hooks/usePagedRemote';
import type { PublicityView } from '../types';
import '../recuperation.scss';
import './index.scss';

type PublicityPage = PublicityView;

/**
 * 公示名单: names partly masked and union names only; during the period any member may raise an objection
 * with a reason (the one 公示 display and objection dialog: components/publicity). Test ids `recuperation-publicity` (the list), `recuperation-pub-item` (masked name inside),
 * `recuperation-pub-until`, `recuperation-object`, `recuperation-object-reason`, `recuperation-object-error`.
 */
export default function Publicity() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const [head, setHead] = useState<Omit<PublicityPage, 'items' | 'total'> | null>(null);
  const list = usePagedRemote(
    async (page) => {
      const res = await call('enrollment.publicity', { activityId: id, page });
      const { items, total, ...rest } = res;
      if (page === 1) setHead(rest);
      return { items, total };
    },
    { refreshOnShow: true },
  );
  const [target, setTarget] = useState<string | null>(null);

  return (
    <PageShell className='rec-publicity' page='recuperationPublicity'>
      <View data-testid='recuperation-publicity'>
        <StateView remote={list} loading={list.loading && !list.data}>
          {head && (
            <View className='section'>
              <Text className='section-title'>{head.title}</Text>
              <Text className='muted'>
                {head.orgName} · 共 {list.data?.total ?? 0} 人
              </Text>
              <PublicityWindow
                open={head.open}
                until={head.until}
                where='名单中的“异议”'
                className='rec-pub-until'
                testId='recuperation-pub-until'
              />
            </View>
          )}
          <View className='section'>
            {list.data?.items.map((p) => (
              <View key={p.ticket} className='rec-list-item rec-pub-item' data-testid='recuperation-pub-item'>
                <View>
                  <Text className='rec-pub-name'>{p.nameMasked}</Text>
                  <Text className='muted rec-pub-org'>{p.orgName}</Text>
                </View>
                {head?.open && (
                  <ObjectButton className='rec-object' testId='recuperation-object' onClick={() => setTarget(p.ticket)} />
                )}
              </View>
            ))}
            {list.data && list.data.items.length === 0 && <Text className='muted'>名单为空</Text>}
          </View>
          <LoadMore hasMore={list.hasMore} loading={list.loadingMore} error={list.moreError} onLoad={list.loadMore} />
        </StateView>
      </View>
      <ObjectionDialog
        target={target ? { ticket: target } : null}
        checkedBy='工会'
        file={(ticket, reason) => call('enrollment.object', { activityId: id, ticket, reason })}
        onClose={() => setTarget(null)}
        testIdPrefix='recuperation'
        classPrefix='rec'
      />
    </PageShell>
  );
}
