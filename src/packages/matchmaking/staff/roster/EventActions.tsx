import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { call, errorMessage } from '../../../../api/client';
import { Button } from '../../../../components/Button';
import { ConfirmDialog } from '../../../../components/ConfirmDialog';
import { ROUTES, go } from '../../../../utils/nav';
import type { EventDetail } from '../../types';

type Act = 'open' | 'close' | 'export';
const CONFIRM: Record<Exclude<Act, 'export'>, { title: string; text: string }> = {
  open: { title: '开放报名？', text: '开放后，符合条件且填写了交友资料的会员即可在报名时间内报名。' },
  close: { title: '立即截止报名？', text: '截止后会员不能再报名或登记候补。' },
};

/** Opens an export: weapp downloads it and opens it with the share menu; H5 (development) downloads it. */
async function openExport(url: string, fileName: string): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    a.click();
    return;
  }
  const file = await Taro.downloadFile({ url });
  await Taro.openDocument({ filePath: file.tempFilePath, fileType: 'xlsx', showMenu: true });
}

/** The organiser's actions on an event, each confirmed first. e2e hooks `.mm-act-<act>`. */
export function EventActions({ event, onChanged }: { event: EventDetail; onChanged: () => void }) {
  const [ask, setAsk] = useState<Exclude<Act, 'export'> | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (act: Act) => {
    setAsk(null);
    if (busy) return;
    setBusy(true);
    try {
      if (act === 'open') await call('matchmaking.open', { activityId: event._id });
      if (act === 'close') await call('matchmaking.close', { activityId: event._id });
      if (act === 'export') {
        const file = await call('enrollment.export', { activityId: event._id });
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
  if (event.status === 'draft' || (event.status === 'closed' && new Date(event.signupEnd) > new Date()))
    acts.push({ act: 'open', label: '开放报名' });
  if (event.status === 'open' && event.phase !== 'finished') acts.push({ act: 'close', label: '截止报名' });
  acts.push({ act: 'export', label: '导出名单' });
  return (
    <View className='section mm-event-actions'>
      <View className='mm-act-grid'>
        {event.phase !== 'finished' && (
          <Button
            small
            kind='plain'
            className='mm-act mm-act-edit'
            onClick={() => go(`${ROUTES.matchmakingEdit}?id=${event._id}`)}
          >
            编辑
          </Button>
        )}
        {acts.map((a) => (
          <Button
            key={a.act}
            small
            kind='plain'
            className={`mm-act mm-act-${a.act}`}
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
        className='mm-act-dialog'
        busy={busy}
        onConfirm={() => ask && void run(ask)}
        onCancel={() => setAsk(null)}
      >
        <Text>{ask ? CONFIRM[ask].text : ''}</Text>
      </ConfirmDialog>
    </View>
  );
}
