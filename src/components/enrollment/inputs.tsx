import { Input, Picker, Text, Textarea, View } from '@tarojs/components';
import { activityDays } from '@rules/dates';
import type { Moment } from './chinaTime';

export type { Moment } from './chinaTime';
type Option<T> = { key: T; label: string };

/**
 * The small inputs of the forms of the areas on the enrollment engine (tick chips, one-of chips, a date-and-time
 * pair, a labelled line), made once per area with its stylesheet's class prefix `p` (`cmp`, `mm`, `rec`):
 * `export const { Chips, One, Line, When } = formInputs('rec');`. e2e hooks: `.<p>-chip-<key>`,
 * `.<p>-edit-<name> input`.
 */
export function formInputs(p: string) {
  /** Tick chips (several may be on). */
  function Chips<T extends string>({
    options,
    value,
    onChange,
    className,
  }: {
    options: ReadonlyArray<Option<T>>;
    value: readonly T[];
    onChange: (v: T[]) => void;
    className?: string;
  }) {
    return (
      <View className={`${p}-chips ${className ?? ''}`}>
        {options.map((o) => {
          const on = value.includes(o.key);
          return (
            <View
              key={o.key}
              className={`${p}-chip ${p}-chip-${o.key} ${on ? `${p}-chip-on` : ''}`}
              onClick={() => onChange(on ? value.filter((v) => v !== o.key) : [...value, o.key])}
            >
              {o.label}
            </View>
          );
        })}
      </View>
    );
  }

  /** One-of chips; `name` adds the hook `.<p>-edit-<name>`. Tapping the chosen one keeps it. */
  function One<T extends string | boolean>({
    options,
    value,
    onChange,
    name,
    className,
  }: {
    options: ReadonlyArray<Option<T>>;
    value: T;
    onChange: (v: T) => void;
    name?: string;
    className?: string;
  }) {
    return (
      <View className={`${p}-chips ${name ? `${p}-edit-${name}` : ''} ${className ?? ''}`}>
        {options.map((o) => (
          <View
            key={String(o.key)}
            className={`${p}-chip ${p}-chip-${String(o.key)} ${o.key === value ? `${p}-chip-on` : ''}`}
            onClick={() => onChange(o.key)}
          >
            {o.label}
          </View>
        ))}
      </View>
    );
  }

  /** A labelled date and time; the date from yesterday to two years ahead (what the server accepts, rules/dates). */
  function When({
    label,
    value,
    error,
    onChange,
  }: {
    label: string;
    value: Moment;
    error?: string;
    onChange: (v: Moment) => void;
  }) {
    const days = activityDays(new Date());
    return (
      <View className={`${p}-field`}>
        <Text className={`${p}-field-label`}>{label}</Text>
        <View className={`${p}-when`}>
          <Picker
            mode='date'
            value={value.date}
            start={days.start}
            end={days.end}
            onChange={(e) => onChange({ ...value, date: String(e.detail.value) })}
          >
            <View className={`${p}-input`}>{value.date}</View>
          </Picker>
          <Picker mode='time' value={value.time} onChange={(e) => onChange({ ...value, time: String(e.detail.value) })}>
            <View className={`${p}-input`}>{value.time}</View>
          </Picker>
        </View>
        {error && <Text className={`${p}-field-error`}>{error}</Text>}
      </View>
    );
  }

  /** A labelled line (or, `multiline`, a longer text); a note under it unless there is an error. */
  function Line({
    label,
    name,
    value,
    onChange,
    type = 'text',
    error,
    note,
    placeholder,
    multiline,
  }: {
    label: string;
    name: string;
    value: string;
    onChange: (v: string) => void;
    type?: 'text' | 'number';
    error?: string;
    note?: string;
    placeholder?: string;
    multiline?: boolean;
  }) {
    return (
      <View className={`${p}-field ${p}-edit-${name}`}>
        <Text className={`${p}-field-label`}>{label}</Text>
        {multiline ? (
          <Textarea
            className={`${p}-input ${p}-textarea`}
            value={value}
            maxlength={4000}
            placeholder={placeholder}
            onInput={(e) => onChange(e.detail.value)}
          />
        ) : (
          <Input
            className={`${p}-input`}
            type={type}
            value={value}
            placeholder={placeholder}
            onInput={(e) => onChange(e.detail.value)}
          />
        )}
        {note && !error && <Text className={`${p}-field-note`}>{note}</Text>}
        {error && <Text className={`${p}-field-error`}>{error}</Text>}
      </View>
    );
  }

  return { Chips, One, When, Line };
}
