import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { call } from '../../api/client';
import { useAction } from '../../hooks/useAction';
import { go } from '../../utils/nav';
import { openExport } from '../../utils/openExport';
import { Button } from '../Button';
import { ConfirmDialog } from '../ConfirmDialog';
import { areaOf } from './area';

export type ActivityAct = 'open' | 'close' | 'draw' | 'publish';
const CONFIRM: Record<Exclude<ActivityAct, 'open'>, { title: string; text: string }> = {
  close: { title: '立即截止报名？', text: '截止后会员不能再报名或登记候补。' },
  draw: { title: '开始抽签？', text: '将生成随机种子并按规则抽签，结果与种子向会员公布，不能重抽。' },
  publish: { title: '发布公示？', text: '已录取名单（姓名部分隐藏）将向会员公示，公示期内可提出异议。' },
};

export interface ActivityActionsProps {
  activityId: string;
  /** Class prefix of the area's stylesheet (`mm`, `rec`); test ids `<area>-act-<act>`, `<area>-act-confirm`. */
  p: string;
  className: string;
  /** Where 编辑 leads; no 编辑 without it. */
  editUrl?: string;
  /** The actions open now, in order, with their labels; 导出名单 always follows. */
  acts: Array<{ act: ActivityAct; label: string }>;
  /** 开放报名 / 截止报名 through the area's own action (`<area>.open`, `<area>.close`). */
  setOpen: (open: boolean) => Promise<unknown>;
  /** What the confirmation of 开放报名 says. */
  openText: string;
  onChanged: () => void;
}

/** The organiser's actions on an activity of the enrollment engine, each but the export confirmed first. */
export function ActivityActions({ activityId, p, className, editUrl, acts, setOpen, openText, onChanged }: ActivityActionsProps) {
  const [ask, setAsk] = useState<ActivityAct | null>(null);
  const action = useAction();
  const busy = action.busy;
  const area = areaOf(p);
  const confirm = ask === 'open' ? { title: '开放报名？', text: openText } : ask ? CONFIRM[ask] : null;

  const work = async (act: ActivityAct | 'export') => {
    if (act === 'open') await setOpen(true);
    if (act === 'close') await setOpen(false);
    if (act === 'publish') await call('enrollment.publish', { activityId });
    if (act === 'draw') {
      // A large draw runs over several calls; each continues where the last stopped.
      for (let r = await call('enrollment.draw', { activityId }); !r.done;) r = await call('enrollment.draw', { activityId });
    }
    if (act === 'export') {
      const file = await call('enrollment.export', { activityId });
      await openExport(file.url, file.fileName);
    }
  };
  const run = (act: ActivityAct | 'export') => {
    setAsk(null);
    void action.run(() => work(act), {
      success: act === 'export' ? '已导出' : '已完成',
      onDone: onChanged,
      onFail: onChanged,
    });
  };

  return (
    <View className={`section ${className}`}>
      <View className={`${p}-act-grid`}>
        {editUrl && (
          <Button small kind='plain' className={`${p}-act ${p}-act-edit`} testId={`${area}-act-edit`} onClick={() => go(editUrl)}>
            编辑
          </Button>
        )}
        {[...acts, { act: 'export' as const, label: '导出名单' }].map((a) => (
          <Button
            key={a.act}
            small
            kind='plain'
            className={`${p}-act ${p}-act-${a.act}`}
            testId={`${area}-act-${a.act}`}
            disabled={busy}
            onClick={() => (a.act === 'export' ? run('export') : setAsk(a.act))}
          >
            {a.label}
          </Button>
        ))}
      </View>
      {busy && <Text className='muted'>处理中…</Text>}
      <ConfirmDialog
        visible={!!ask}
        title={confirm?.title ?? ''}
        className={`${p}-act-dialog`}
        busy={busy}
        onConfirm={() => ask && run(ask)}
        onCancel={() => setAsk(null)}
      >
        <Text data-testid={`${area}-act-confirm`}>{confirm?.text ?? ''}</Text>
      </ConfirmDialog>
    </View>
  );
}
