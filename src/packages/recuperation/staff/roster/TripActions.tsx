import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { call, errorMessage } from '../../../../api/client';
import { ROUTES, go } from '../../../../utils/nav';
import { Button } from '../../../../components/Button';
import { ConfirmDialog } from '../../../../components/ConfirmDialog';
import type { TripDetail } from '../../types';
import { openExport } from './exportFile';

type Act = 'open' | 'close' | 'draw' | 'publish' | 'export';
const CONFIRM: Record<Exclude<Act, 'export'>, { title: string; text: string }> = {
  open: { title: '开放报名？', text: '开放后会员即可在报名时间内报名。' },
  close: { title: '立即截止报名？', text: '截止后会员不能再报名或登记候补。' },
  draw: { title: '开始抽签？', text: '将生成随机种子并按规则抽签，结果与种子向会员公布，不能重抽。' },
  publish: { title: '发布公示？', text: '已录取名单（姓名部分隐藏）将向会员公示，公示期内可提出异议。' },
};

/** The staff actions on a trip, each confirmed first. e2e hooks `.rec-act-<act>`. */
export function TripActions({ trip, onChanged }: { trip: TripDetail; onChanged: () => void }) {
  const [ask, setAsk] = useState<Exclude<Act, 'export'> | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (act: Act) => {
    setAsk(null);
    if (busy) return;
    setBusy(true);
    try {
      if (act === 'open') await call('recuperation.open', { activityId: trip._id });
      if (act === 'close') await call('recuperation.close', { activityId: trip._id });
      if (act === 'publish') await call('enrollment.publish', { activityId: trip._id });
      if (act === 'draw') {
        // A large draw runs over several calls; each continues where the last stopped.
        for (let p = await call('enrollment.draw', { activityId: trip._id }); !p.done;) {
          p = await call('enrollment.draw', { activityId: trip._id });
        }
      }
      if (act === 'export') {
        const file = await call('enrollment.export', { activityId: trip._id });
        await openExport(file.url, file.fileName);
      }
      void Taro.showToast({ title: act === 'export' ? '已导出' : '已完成', icon: 'success' });
    } catch (e) {
      void Taro.showModal({ title: '未能完成', content: errorMessage(e), showCancel: false });
    } finally {
      setBusy(false);
      onChanged();
    }
  };

  const acts: Array<{ act: Act; label: string }> = [];
  if (trip.status === 'draft' || (trip.status === 'closed' && trip.phase !== 'finished' && new Date(trip.signupEnd) > new Date()))
    acts.push({ act: 'open', label: '开放报名' });
  if (trip.status === 'open' && trip.phase !== 'finished') acts.push({ act: 'close', label: '截止报名' });
  if (trip.mode === 'lottery' && trip.status === 'closed' && !trip.drawnAt) acts.push({ act: 'draw', label: '抽签' });
  if (trip.status !== 'draft') acts.push({ act: 'publish', label: trip.publicity ? '重新公示' : '发布公示' });
  acts.push({ act: 'export', label: '导出名单' });

  return (
    <View className='section rec-trip-actions'>
      <View className='rec-act-grid'>
        <Button
          small
          kind='plain'
          className='rec-act rec-act-edit'
          onClick={() => go(`${ROUTES.recuperationEdit}?id=${trip._id}`)}
        >
          编辑
        </Button>
        {acts.map((a) => (
          <Button
            key={a.act}
            small
            kind='plain'
            className={`rec-act rec-act-${a.act}`}
            disabled={busy}
            onClick={() => (a.act === 'export' ? void run('export') : setAsk(a.act))}
          >
            {a.label}
          </Button>
        ))}
      </View>
      {busy && <Text className='muted'>处理中…</Text>}
      <ConfirmDialog
        visible={!!ask}
        title={ask ? CONFIRM[ask].title : ''}
        className='rec-act-dialog'
        busy={busy}
        onConfirm={() => ask && void run(ask)}
        onCancel={() => setAsk(null)}
      >
        <Text>{ask ? CONFIRM[ask].text : ''}</Text>
      </ConfirmDialog>
    </View>
  );
}
