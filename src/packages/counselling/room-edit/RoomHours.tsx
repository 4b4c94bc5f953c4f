import { Input, Text, View } from '@tarojs/components';
import type { OpenHours } from '@rules/counselling';
import { WEEKDAY_LABELS } from '@rules/legalAid';
import { Button } from '../../../components/Button';
import { FieldFrame } from '../../../components/Field';

/** The open hours a new room starts with, and a new line of hours. */
export const NEW_HOURS: OpenHours = { weekday: 1, start: '14:00', end: '17:00' };

/**
 * A room's weekly open hours: one line per weekday and time span, added and removed here. Test ids
 * `room-hours-<i>-weekday-<n>`, `room-hours-<i>-start|end`, `room-hours-add`.
 */
export function RoomHours({
  hours,
  error,
  onEdit,
  onChange,
}: {
  hours: OpenHours[];
  error: string | undefined;
  onEdit: (i: number, patch: Partial<OpenHours>) => void;
  onChange: (hours: OpenHours[]) => void;
}) {
  return (
    <>
      <FieldFrame label='每周开放时间' error={error}>
        {hours.map((h, i) => (
          <View key={i}>
            <View className='cs-chips'>
              {[1, 2, 3, 4, 5, 6, 7].map((w) => (
                <View
                  key={w}
                  className={`cs-chip ${h.weekday === w ? 'cs-chip-on' : ''}`}
                  data-testid={`room-hours-${i}-weekday-${w}`}
                  onClick={() => onEdit(i, { weekday: w })}
                >
                  {WEEKDAY_LABELS[w]}
                </View>
              ))}
            </View>
            <View className='cs-hour'>
              <Input
                className='cs-input'
                data-testid={`room-hours-${i}-start`}
                value={h.start}
                maxlength={5}
                onInput={(e) => onEdit(i, { start: e.detail.value })}
              />
              <Text>至</Text>
              <Input
                className='cs-input'
                data-testid={`room-hours-${i}-end`}
                value={h.end}
                maxlength={5}
                onInput={(e) => onEdit(i, { end: e.detail.value })}
              />
              {hours.length > 1 && (
                <Text className='link' onClick={() => onChange(hours.filter((_, j) => j !== i))}>
                  删除
                </Text>
              )}
            </View>
          </View>
        ))}
      </FieldFrame>
      <Button small kind='plain' testId='room-hours-add' onClick={() => onChange([...hours, NEW_HOURS])}>
        增加一段开放时间
      </Button>
    </>
  );
}
