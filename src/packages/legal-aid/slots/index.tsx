import { useState } from 'react';
import { Input, Picker, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { addDays, periodLabel } from '@rules/legalAid';
import { chinaDate } from '@rules/time';
import { call } from '../../../api/client';
import { PageShell } from '../../../components/PageShell';
import { StateView } from '../../../components/StateView';
import { useAction } from '../../../hooks/useAction';
import { useRemote } from '../../../hooks/useRemote';
import { ROUTES, go } from '../../../utils/nav';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { checkDuty, DutyFields, lawyersOf, NEW_DUTY, type Duty } from '../components/DutyFields';
import { dayText } from '../format';
import { withQuery } from '../query';
import type { Slot } from '../types';
import './index.scss';

/**
 * 值班安排: the next two weeks of one station's slots with the seats booked; 取消值班 of one slot (its members are
 * told), 加开 an extra one; the weekly roster one tap away. A refusal shows in the open dialog under
 * what it is about (the reason, the duty), else in one dialog. Test ids `legal-aid-manage-slot`, `legal-aid-stop`,
 * `legal-aid-add-slot`, `legal-aid-add-slot-dialog`.
 */
export default function SlotsPage() {
  const { params } = useRouter();
  const stationId = decodeURIComponent(params.stationId ?? '');
  const slots = useRemote(() => call('legalAid.slots', { stationId, dayCount: 14 }), { refreshOnShow: true });
  const [stopping, setStopping] = useState<Slot | null>(null);
  const [reason, setReason] = useState('');
  const [adding, setAdding] = useState(false);
  const [date, setDate] = useState(addDays(chinaDate(new Date()), 1));
  const [duty, setDuty] = useState<Duty>(NEW_DUTY);
  const act = useAction();
  const error = act.fieldErrors.reason ?? act.fieldErrors.duty;

  /** Runs a change of the duty; a refused field stays in the open dialog (the reason, or the duty's fields). */
  const run = (work: () => Promise<string>, failTitle: string) =>
    act.run(work, {
      failTitle,
      fieldKey: (f) => (f === 'reason' ? 'reason' : f === 'slotId' || f === 'stationId' ? undefined : 'duty'),
      onDone: (done) => {
        setStopping(null);
        setAdding(false);
        void Taro.showToast({ title: done, icon: 'none' });
        slots.reload();
      },
    });

  const stop = () => {
    if (reason.trim().length < 2) return act.setFieldErrors({ reason: '请填写取消值班的原因（预约人会看到）' });
    void run(async () => {
      const r = await call('legalAid.cancelSlot', { slotId: stopping!._id, reason: reason.trim() });
      return `已取消值班，已通知${r.cancelledBookings}位预约人`;
    }, '未能取消值班');
  };

  const add = () => {
    const problem = checkDuty(duty);
    if (problem) return act.setFieldErrors({ duty: problem });
    void run(async () => {
      await call('legalAid.addSlot', {
        stationId,
        slotDate: date,
        slotPeriod: duty.period,
        start: duty.start,
        end: duty.end,
        lawyers: lawyersOf(duty.lawyers),
        capacity: Number(duty.capacity),
      });
      return '已加开时段';
    }, '未能加开时段');
  };

  return (
    <PageShell className='la-slots' page='legalAidSlots'>
      <View className='la-links' style={{ marginTop: '24px' }}>
        <Button kind='plain' onClick={() => go(withQuery(ROUTES.legalAidRoster, { stationId }))}>
          每周值班表
        </Button>
        <Button
          kind='plain'
          className='la-add-slot'
          testId='legal-aid-add-slot'
          onClick={() => (act.setFieldErrors({}), setAdding(true))}
        >
          加开时段
        </Button>
      </View>
      <StateView
        remote={slots}
        loading={slots.loading && !slots.data}
        empty={!!slots.data && slots.data.items.length === 0}
        emptyText='未来两周没有值班时段，可在“每周值班表”中安排'
      >
        {slots.data?.items.map((s) => (
          <View key={s._id} className='la-item la-manage-slot' data-testid='legal-aid-manage-slot'>
            <View className='la-item-head'>
              <Text className='la-item-title'>
                {dayText(s.date)} {periodLabel(s.period)} {s.start}–{s.end}
              </Text>
              {s.status === 'cancelled' ? (
                <Text className='tag tag-rejected'>暂停接待</Text>
              ) : (
                <Text className='tag tag-approved'>{`已约${s.capacity - s.seatsLeft}/${s.capacity}`}</Text>
              )}
            </View>
            <Text className='la-line'>值班：{s.lawyers.join('、')}</Text>
            {s.cancelReason && <Text className='la-line'>暂停原因：{s.cancelReason}</Text>}
            {s.status === 'open' && new Date(s.startsAt) > new Date() && (
              <View className='la-right'>
                <Button
                  kind='quiet'
                  small
                  className='la-stop'
                  testId='legal-aid-stop'
                  onClick={() => (act.setFieldErrors({}), setReason(''), setStopping(s))}
                >
                  取消值班
                </Button>
              </View>
            )}
          </View>
        ))}
      </StateView>
      <ConfirmDialog
        visible={!!stopping}
        title='取消值班'
        confirmText='取消值班'
        busy={act.busy}
        onConfirm={stop}
        onCancel={() => setStopping(null)}
      >
        <Text>
          {stopping
            ? `${dayText(stopping.date)} ${stopping.start}，已约${stopping.capacity - stopping.seatsLeft}人，将逐一通知。`
            : ''}
        </Text>
        <Input
          className='la-input la-stop-reason'
          value={reason}
          maxlength={60}
          placeholder='取消原因，如：律师外出办案'
          onInput={(e) => {
            setReason(e.detail.value);
            act.clearField('reason');
          }}
        />
        {error && <Text className='la-error'>{error}</Text>}
      </ConfirmDialog>
      <ConfirmDialog
        visible={adding}
        title='加开时段'
        testId='legal-aid-add-slot-dialog'
        confirmText='加开'
        busy={act.busy}
        onConfirm={add}
        onCancel={() => setAdding(false)}
      >
        <Picker mode='date' value={date} start={chinaDate(new Date())} onChange={(e) => setDate(e.detail.value)}>
          <View className='la-chip la-slot-date'>日期 {dayText(date)}</View>
        </Picker>
        <View style={{ marginTop: '16px' }}>
          <DutyFields
            value={duty}
            onChange={(d) => {
              setDuty(d);
              act.clearField('duty');
            }}
          />
        </View>
        {error && <Text className='la-error'>{error}</Text>}
      </ConfirmDialog>
    </PageShell>
  );
}
