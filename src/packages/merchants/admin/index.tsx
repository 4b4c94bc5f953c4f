import { Input, Picker, Text, View } from '@tarojs/components';
import dayjs from 'dayjs';
import { useState } from 'react';
import { call } from '../../../api/client';
import { Button } from '../../../components/Button';
import { PageShell } from '../../../components/PageShell';
import { StateView } from '../../../components/StateView';
import { LoadMore } from '../../../components/LoadMore';
import { useAction } from '../../../hooks/useAction';
import { usePagedRemote } from '../../../hooks/usePagedRemote';
import { ROUTES, go } from '../../../utils/nav';
import { openExport } from '../../../utils/openExport';
import '../../../pages/discounts/index.scss';
import '../merchants.scss';
import './index.scss';

/** 商户管理 for union staff: the places of their union's subtree, new / import / monthly statistics. */
export default function PlacesAdmin() {
  const [typed, setTyped] = useState('');
  const [keyword, setKeyword] = useState('');
  const [kind, setKind] = useState<'merchant' | 'station' | undefined>(undefined);
  const exporting = useAction();
  // An empty month is said on the page (not a toast that vanishes before it is read).
  const [exportNote, setExportNote] = useState<string | null>(null);
  const list = usePagedRemote(
    (page) => call('merchants.adminList', { page, ...(keyword ? { keyword } : {}), ...(kind ? { kind } : {}) }),
    { deps: [keyword, kind], refreshOnShow: true },
  );

  const exportMonth = (month: string) =>
    exporting.run(
      async () => {
        setExportNote(null);
        const link = await call('merchants.exportStats', { month });
        if (link.rows === 0) setExportNote(`${month} 暂无核销记录，无需导出；可换一个月份再试`);
        else await openExport(link.url, `优惠核销统计-${month}.xlsx`);
      },
      { failTitle: '未能导出' },
    );

  return (
    <PageShell className='places-admin' page='placesAdmin'>
      <View className='section admin-actions'>
        <Button small kind='plain' className='admin-new' onClick={() => go(ROUTES.placeEdit)}>
          新增
        </Button>
        <Button small kind='plain' className='admin-import' onClick={() => go(ROUTES.placesImport)}>
          批量导入
        </Button>
        <Picker
          mode='date'
          fields='month'
          value={dayjs().format('YYYY-MM')}
          end={dayjs().format('YYYY-MM')}
          onChange={(e) => void exportMonth(e.detail.value.slice(0, 7))}
        >
          <Button small kind='plain' className='admin-export' loading={exporting.busy} loadingText='导出中…'>
            导出核销统计
          </Button>
        </Picker>
      </View>
      {exportNote && (
        <Text className='muted admin-export-note' data-testid='merchants-admin-export-note'>
          {exportNote}
        </Text>
      )}
      <View className='directory-search admin-search'>
        <Input
          className='directory-search-input'
          value={typed}
          maxlength={30}
          placeholder='按名称搜索'
          onInput={(e) => setTyped(e.detail.value)}
          onConfirm={() => setKeyword(typed.trim())}
        />
        <View className='directory-search-btn' onClick={() => setKeyword(typed.trim())}>
          搜索
        </View>
      </View>
      <View className='m-tabs'>
        {([undefined, 'merchant', 'station'] as const).map((k) => (
          <View key={k ?? 'all'} className={`m-tab ${kind === k ? 'm-tab-on' : ''}`} onClick={() => setKind(k)}>
            {k === undefined ? '全部' : k === 'merchant' ? '商户' : '驿站'}
          </View>
        ))}
      </View>
      <View className='section'>
        <StateView
          remote={list}
          loading={list.loading && !list.data}
          empty={!!list.data && list.data.items.length === 0}
          emptyText='没有找到，点“新增”或“批量导入”添加'
        >
          <Text className='muted admin-count' data-testid='merchants-admin-count'>
            共 {list.data?.total ?? 0} 个
          </Text>
          {list.data?.items.map((p) => (
            <View
              key={p._id}
              className='m-item admin-item'
              data-testid='merchants-admin-item'
              onClick={() => go(`${ROUTES.placeEdit}?id=${p._id}`)}
            >
              <View className='m-item-main'>
                <Text className='m-item-title'>{p.name}</Text>
                <Text className='muted'>
                  {p.kind === 'station' ? '驿站' : p.category} · {p.district} ·{' '}
                  {p.offer || (p.services ?? []).join('、') || '暂无优惠'}
                </Text>
              </View>
              <Text className={`m-tag ${p.status === 'active' ? 'm-tag-green' : 'm-tag-red'}`}>
                {p.status === 'active' ? '合作中' : '已暂停'}
              </Text>
            </View>
          ))}
          <LoadMore hasMore={list.hasMore} loading={list.loadingMore} error={list.moreError} onLoad={list.loadMore} />
        </StateView>
      </View>
    </PageShell>
  );
}
