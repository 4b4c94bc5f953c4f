import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { call } from '../../../../api/client';
import { Button } from '../../../../components/Button';
import { ConfirmDialog } from '../../../../components/ConfirmDialog';
import { useAction } from '../../../../hooks/useAction';
import { ROUTES, go } from '../../../../utils/nav';
import { openExport } from '../../../../utils/openExport';
import type { EventDetail } from '../../types';

type Act = 'open' | 'close';

/** The organiser's actions on an event: 编辑, 开放 / 截止报名 (confirmed first), 导出名单. */
export function EventActions({ ev, onChanged }: { ev: EventDetail; onChanged: () => void }) {
  const [ask, setAsk] = useState<Act | null>(null);
  const action = useAction();
  const busy = action.busy;
  const work = async (act: Act | 'export') => {
    if (act === 'open') await call('competitions.openEvent', { eventId: ev._id });
    if (act === 'close') await call('competitions.closeEvent', { eventId: ev._id });
    if (act === 'export') {
      const file = await call('competitions.exportRegistrations', {
        competitionId: ev.competition.competitionId,
        eventId: ev._id,
      });
      await openExport(file.url, file.fileName);
    }
  };
  const run = (act: Act | 'export') => {
    const done = () => {
      setAsk(null);
      onChanged();
    };
    void action.run(() => work(act), { success: act === 'export' ? '已导出' : '已完成', onDone: done, onFail: done });
  };
  const canOpen = ev.status === 'draft' || (ev.status === 'closed' && new Date(ev.signupEnd) > new Date());
  return (
    <View className='competitions-actions competitions-event-actions'>
      <Button
        small
        kind='plain'
        className='competitions-act-edit'
        testId='competitions-act-edit'
        onClick={() => go(`${ROUTES.competitionEventEdit}?id=${ev._id}`)}
      >
        编辑
      </Button>
      {canOpen && (
        <Button
          small
          kind='plain'
          className='competitions-act-open'
          testId='competitions-act-open'
          disabled={busy}
          onClick={() => setAsk('open')}
        >
          开放报名
        </Button>
      )}
      {ev.status === 'open' && ev.phase !== 'finished' && (
        <Button
          small
          kind='plain'
          className='competitions-act-close'
          testId='competitions-act-close'
          disabled={busy}
          onClick={() => setAsk('close')}
        >
          截止报名
        </Button>
      )}
      <Button
        small
        kind='plain'
        className='competitions-act-export'
        testId='competitions-act-export'
        loading={busy && !ask}
        onClick={() => run('export')}
      >
        导出名单
      </Button>
      <ConfirmDialog
        visible={!!ask}
        title={ask === 'open' ? '开放报名？' : '立即截止报名？'}
        className='competitions-act-dialog'
        busy={busy}
        onConfirm={() => ask && run(ask)}
        onCancel={() => setAsk(null)}
      >
        <Text data-testid='competitions-act-confirm'>
          {ask === 'open' ? '开放后职工即可在报名时间内报名。' : '截止后职工不能再报名、组队或登记候补。'}
        </Text>
      </ConfirmDialog>
    </View>
  );
}
