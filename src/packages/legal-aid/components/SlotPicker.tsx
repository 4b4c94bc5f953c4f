import { Text, View } from '@tarojs/components';
import { periodLabel } from '@rules/legalAid';
import { useHotline } from '../../../utils/hotline';
import { dayText } from '../format';
import type { Slot } from '../types';

/** Dates with slots (seats left per day), then the slots of the chosen date. Test ids `legal-aid-date`,
 * `legal-aid-slot-open` / `legal-aid-slot-off`. */
export function SlotPicker(props: {
  slots: Slot[];
  date: string;
  slotId: string;
  onDate: (d: string) => void;
  onSlot: (id: string) => void;
}) {
  const { slots, date, slotId, onDate, onSlot } = props;
  const hotline = useHotline();
  const dates = [...new Set(slots.map((s) => s.date))];
  const seatsOn = (d: string) => slots.filter((s) => s.date === d && s.bookable).reduce((n, s) => n + s.seatsLeft, 0);
  const shown = slots.filter((s) => s.date === date);
  if (!dates.length) return <Text className='muted'>近期没有值班安排，请选择其他法律援助站或拨打{hotline}</Text>;
  return (
    <View>
      <View className='la-dates'>
        {dates.map((d) => {
          const seats = seatsOn(d);
          return (
            <View
              key={d}
              className={`la-date ${d === date ? 'la-date-on' : ''} ${seats ? '' : 'la-date-none'}`}
              data-testid='legal-aid-date'
              onClick={() => onDate(d)}
            >
              <Text>{dayText(d).split(' ')[0]}</Text>
              <Text>{dayText(d).split(' ')[1]}</Text>
              <Text className='la-date-seats'>{seats ? `余${seats}` : '满'}</Text>
            </View>
          );
        })}
      </View>
      {!date && <Text className='la-note'>请先选择日期</Text>}
      {shown.map((s) => {
        const state =
          s.status === 'cancelled'
            ? `暂停接待${s.cancelReason ? `（${s.cancelReason}）` : ''}`
            : !s.bookable
              ? s.seatsLeft
                ? '已截止'
                : '已约满'
              : `剩余${s.seatsLeft}个名额`;
        return (
          <View
            key={s._id}
            className={`la-slot ${s._id === slotId ? 'la-slot-on' : ''} ${s.bookable ? 'la-slot-open' : 'la-slot-off'}`}
            data-testid={s.bookable ? 'legal-aid-slot-open' : 'legal-aid-slot-off'}
            onClick={() => s.bookable && onSlot(s._id)}
          >
            <View>
              <Text className='la-slot-time'>
                {periodLabel(s.period)} {s.start}–{s.end}
              </Text>
              <Text className='muted'>值班：{s.lawyers.join('、')}</Text>
            </View>
            <Text className={s.bookable ? 'la-slot-seats' : 'la-slot-full'}>{state}</Text>
          </View>
        );
      })}
    </View>
  );
}
