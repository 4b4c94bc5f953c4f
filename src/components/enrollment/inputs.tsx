import { Input, Picker, Text, Textarea, View } from '@tarojs/components';
import { activityDays } from '@rules/dates';
import type { Moment } from './chinaTime';

export type { Moment } from './chinaTime';
type Option<T> = { key: T; label: string };

const made = new Map<string, ReturnType<typeof makeInputs>>();

/**
 * The small inputs of the forms of the areas on the enrollment engine (tick chips, one-of chips, a date-and-time
 * pair, a labelled line), made once per stylesheet class prefix `p` (`mm`, `activity` …) and area (test ids
 * `<area>-edit-<name>`, its error `<area>-edit-<name>-error`, a chip `<area>-edit-<name>-<key>`):
 * `export const { Chips, One, Line, When } = formInputs('mm', 'matchmaking');`. The same pair gives the same
 * components (safe to call while rendering).
 */
export function formInputs(p: string, area: string) {
  const key = `${p}|${area}`;
  const inputs = made.get(key) ?? makeInputs(p, area);
  made.set(key, inputs);
  return inputs;
}

function makeInputs(p: string, area: string) {
  const tid = (name: string | undefined, suffix?: string) =>
    name ? `${area}-edit-${name}${suffix ? `-${suffix}` : ''}` : undefined;

  /** Tick chips (several may be on); `name` gives the test ids. */
  function Chips<T extends string>({
    options,
    value,
    onChange,
    name,
    className,
  }: {
    options: ReadonlyArray<Option<T>>;
    value: readonly T[];
    onChange: (v: T[]) => void;
    name?: string;
    className?: string;
  }) {
    return (
      <View className={`${p}-chips ${className ?? ''}`} data-testid={tid(name)}>
        {options.map((o) => {
          const on = value.includes(o.key);
          return (
            <View
              key={o.key}
              data-testid={tid(name, o.key)}
              data-on={on ? 'yes' : 'no'}
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

  /** One-of chips; `name` adds the hook `.<p>-edit-<name>` and the test ids. Tapping the chosen one keeps it. */
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
      <View className={`${p}-chips ${name ? `${p}-edit-${name}` : ''} ${className ?? ''}`} data-testid={tid(name)}>
        {options.map((o) => (
          <View
            key={String(o.key)}
            data-testid={tid(name, String(o.key))}
            data-on={o.key === value ? 'yes' : 'no'}
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
    name,
    value,
    error,
    onChange,
  }: {
    label: string;
    name?: string;
    value: Moment;
    error?: string;
    onChange: (v: Moment) => void;
  }) {
    const days = activityDays(new Date());
    return (
      <View className={`${p}-field`} data-testid={tid(name)}>
        <Text className={`${p}-field-label`}>{label}</Text>
        <View className={`${p}-when`}>
          <Picker
            mode='date'
            value={value.date}
            start={days.start}
            end={days.end}
            onChange={(e) => onChange({ ...value, date: String(e.detail.value) })}
          >
            <View className={`${p}-input`} data-testid={tid(name, 'date')}>
              {value.date}
            </View>
          </Picker>
          <Picker mode='time' value={value.time} onChange={(e) => onChange({ ...value, time: String(e.detail.value) })}>
            <View className={`${p}-input`} data-testid={tid(name, 'time')}>
              {value.time}
            </View>
          </Picker>
        </View>
        {error && (
          <Text className={`${p}-field-error`} data-testid={tid(name, 'error')}>
            {error}
          </Text>
        )}
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
      <View className={`${p}-field ${p}-edit-${name}`} data-testid={tid(name)}>
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
        {error && (
          <Text className={`${p}-field-error`} data-testid={tid(name, 'error')}>
            {error}
          </Text>
        )}
      </View>
    );
  }

  return { Chips, One, When, Line };
}
