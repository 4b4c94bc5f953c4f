import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { call } from '../../../api/client';
import { LoadMore } from '../../../components/LoadMore';
import { PageShell } from '../../../components/PageShell';
import { StateView } from '../../../components/StateView';
import { usePagedRemote } from '../../../hooks/usePagedRemote';
import type { DrawResultView } from '../types';
import '../recuperation.scss';
import './index.scss';

type DrawPage = DrawResultView;
const RESULT_TEXT = { won: '中签', waitlisted: '候补', withdrawn: '已放弃', pending: '抽签中' } as const;

/** 抽签结果: the published seed, the rule, and every entry in draw order — enough for anyone to re-run it. */
export default function DrawResult() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const [head, setHead] = useState<Omit<DrawPage, 'items' | 'total'> | null>(null);
  const list = usePagedRemote(async (page) => {
    const { items, total, ...rest } = await call('enrollment.drawResult', { activityId: id, page });
    if (page === 1) setHead(rest);
    return { items, total };
  });
  return (
    <PageShell className='rec-draw' page='recuperationDraw'>
      <StateView remote={list} loading={list.loading && !list.data}>
        {head && (
          <View className='section'>
            <Text className='section-title'>抽签方法</Text>
            <Text className='rec-draw-method'>{head.method}</Text>
            {head.priorityLabels.length > 0 && (
              <Text className='muted rec-draw-line'>优先顺位：{head.priorityLabels.map((l, i) => `${i} ${l}`).join('；')}</Text>
            )}
            <Text className='muted rec-draw-line'>随机种子（抽签开始时生成并公布）：</Text>
            <Text className='rec-draw-seed' selectable>
              {head.seed}
            </Text>
            <Text className='muted rec-draw-line'>
              中签 {head.winners} 人，共 {list.data?.total ?? 0} 人参加抽签
            </Text>
          </View>
        )}
        <View className='section'>
          {list.data?.items.map((e, i) => (
            <View key={e.ticket} className='rec-list-item rec-draw-item'>
              <Text className='rec-draw-no'>{i + 1}</Text>
              <View className='rec-draw-body'>
                <Text>
                  {e.nameMasked} · {e.orgName}
                </Text>
                <Text className='muted rec-draw-ticket'>
                  抽签号 {e.ticket} · 顺位 {e.rank}
                </Text>
              </View>
              <Text className={`tag ${e.result === 'won' ? 'tag-approved' : 'tag-muted'}`}>
                {RESULT_TEXT[e.result]}
                {e.position ? ` 第${e.position}位` : ''}
              </Text>
            </View>
          ))}
        </View>
        <LoadMore hasMore={list.hasMore} loading={list.loadingMore} error={list.moreError} onLoad={list.loadMore} />
      </StateView>
    </PageShell>
  );
}
