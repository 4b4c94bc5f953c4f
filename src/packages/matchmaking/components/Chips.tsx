import { View } from '@tarojs/components';

type Option<T extends string> = { key: T; label: string };

/** Tick chips (several may be on). e2e hook `.mm-chip-<key>`. */
export function Chips<T extends string>({
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
    <View className={`mm-chips ${className ?? ''}`}>
      {options.map((o) => {
        const on = value.includes(o.key);
        return (
          <View
            key={o.key}
            className={`mm-chip mm-chip-${o.key} ${on ? 'mm-chip-on' : ''}`}
            onClick={() => onChange(on ? value.filter((v) => v !== o.key) : [...value, o.key])}
          >
            {o.label}
          </View>
        );
      })}
    </View>
  );
}

/** One-of chips. */
export function One<T extends string>({
  options,
  value,
  onChange,
  className,
}: {
  options: ReadonlyArray<Option<T>>;
  value: T;
  onChange: (v: T) => void;
  className?: string;
}) {
  return (
    <Chips
      className={className}
      options={options}
      value={[value]}
      onChange={(v) => onChange((v.find((x) => x !== value) ?? value) as T)}
    />
  );
}
