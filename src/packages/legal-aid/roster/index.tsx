import { useEffect, useState } from 'react';
import { Picker, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { LAST_DAY } from '@rules/dates';
import { chinaDate } from '@rules/time';
import { periodLabel, ROSTER_WEEKS, WEEKDAY_LABELS } from '@rules/legalAid';
import { call } from '../../../api/client';
import { PageShell } from '../../../components/PageShell';
import { StateView } from '../../../components/StateView';
import { useAction } from '../../../hooks/useAction';
import { useRemote } from '../../../hooks/useRemote';
import { Button } from '../../../components/Button';
import { Chips } from '../components/Chips';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { checkDuty, DutyFields, lawyersOf, NEW_DUTY, type Duty } from '../components/DutyFields';
import { dayText } from '../format';
import type { RosterPattern } from '../types';
import './index.scss';

function sortPatterns(list: RosterPattern[]): RosterPattern[] {
  return [...list].sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start));
}

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7].map((d) => ({ key: String(d), label: WEEKDAY_LABELS[d] }));

/**
 * 每周值班表: weekly patterns and closure dates of one station. Saving regenerates the next weeks' slots;
 * members booked on a changed or closed slot are told. Test ids `legal-aid-add-pattern`, `legal-aid-roster-save`.
 */
export default function RosterPage() {
  const { params } = useRouter();
  const stationId = decodeURIComponent(params.stationId ?? '');
  const roster = useRemote(() => call('legalAid.roster', { stationId }));
  const [patterns, setPatterns] = useState<RosterPattern[]>([]);
  const [exceptions, setExceptions] = useState<string[]>([]);
  const [weekday, setWeekday] = useState('1');
  const [duty, setDuty] = useState<Duty>(NEW_DUTY);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const act = useAction();

  useEffect(() => {
    if (!roster.data) return;
    setPatterns(sortPatterns(roster.data.patterns)); // eslint-disable-line react-hooks/set-state-in-effect -- editing a copy of what was loaded
    setExceptions(roster.data.exceptions);
  }, [roster.data]);

  const add = () => {
    const problem = checkDuty(duty);
    if (problem) return setError(problem);
    if (patterns.some((p) => p.weekday === Number(weekday) && p.period === duty.period))
      return setError('这一天的这个时段已有安排，请先删除');
    setError(null);
    const line = {
      weekday: Number(weekday),
      period: duty.period,
      start: duty.start,
      end: duty.end,
      lawyers: lawyersOf(duty.lawyers),
      capacity: Number(duty.capacity),
    };
    setPatterns(sortPatterns([...patterns, line]));
  };

  const save = async () => {
    await act.run(() => call('legalAid.saveRoster', { stationId, patterns, exceptions }), {
      failTitle: '保存未成功',
      onDone: ({ sync }) => {
        void Taro.showModal({
          title: '已保存',
          content: `新增${sync.created}个时段，调整${sync.updated}个，暂停接待${sync.cancelled}个，恢复${sync.reopened}个；已通知${sync.notified}位预约人。`,
          showCancel: false,
        });
        roster.reload();
      },
    });
    setConfirming(false);
  };

  const r = roster.data;
  return (
    <PageShell className='la-roster' page='legalAidRoster'>
      <StateView remote={roster} loading={roster.loading && !r}>
        <View className='section'>
          <Text className='section-title'>{r?.stationName}</Text>
          <Text className='la-note'>按周安排值班，保存后自动生成未来{ROSTER_WEEKS}周的可预约时段；法定节假日自动暂停接待。</Text>
          {patterns.length === 0 && <Text className='muted'>还没有值班安排</Text>}
          {patterns.map((p) => (
            <View key={`${p.weekday}-${p.period}`} className='la-pattern'>
              <View>
                <Text className='la-slot-time'>
                  {WEEKDAY_LABELS[p.weekday]} {periodLabel(p.period)} {p.start}–{p.end}
                </Text>
                <Text className='muted'>
                  {p.lawyers.join('、')} · {p.capacity}人
                </Text>
              </View>
              <Button kind='quiet' small onClick={() => setPatterns(patterns.filter((x) => x !== p))}>
                删除
              </Button>
            </View>
          ))}
        </View>
        <View className='section'>
          <Text className='section-title'>增加值班</Text>
          <Chips name='la-weekday' options={WEEKDAYS} value={weekday} onChange={setWeekday} />
          <View style={{ marginTop: '16px' }}>
            <DutyFields value={duty} onChange={setDuty} />
          </View>
          {error && <Text className='la-error'>{error}</Text>}
          <Button kind='plain' className='la-add-pattern' testId='legal-aid-add-pattern' onClick={add}>
            加入值班表
          </Button>
        </View>
        <View className='section'>
          <Text className='section-title'>暂停接待日期</Text>
          {exceptions.map((d) => (
            <View key={d} className='la-pattern'>
              <Text>{dayText(d)}</Text>
              <Button kind='quiet' small onClick={() => setExceptions(exceptions.filter((x) => x !== d))}>
                删除
              </Button>
            </View>
          ))}
          <Picker
            mode='date'
            start={chinaDate(new Date())}
            end={LAST_DAY}
            value={r?.holidays[0]?.date ?? ''}
            onChange={(e) => setExceptions([...new Set([...exceptions, e.detail.value])].sort())}
          >
            <View className='btn btn-plain'>增加暂停接待日期</View>
          </Picker>
          {!!r?.holidays.length && (
            <Text className='la-note'>
              自动暂停接待的法定节假日：{r.holidays.map((h) => `${dayText(h.date)}（${h.name}）`).join('、')}
            </Text>
          )}
        </View>
        <View style={{ margin: '0 24px' }}>
          <Button className='la-save' testId='legal-aid-roster-save' loading={act.busy} onClick={() => setConfirming(true)}>
            保存值班表
          </Button>
        </View>
      </StateView>
      <ConfirmDialog
        visible={confirming}
        title='保存值班表'
        busy={act.busy}
        onConfirm={() => void save()}
        onCancel={() => setConfirming(false)}
      >
        保存后将重新生成未来{ROSTER_WEEKS}周的时段。已有预约的时段如被调整或暂停接待，预约人会收到通知。
      </ConfirmDialog>
    </PageShell>
  );
}
