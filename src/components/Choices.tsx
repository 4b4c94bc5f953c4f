import type { ReactElement } from 'react';
import { View } from '@tarojs/components';
import './Choices.scss';

export interface ChoiceOption<K extends string> {
  key: K;
  label: string;
}

interface CommonProps<K extends string> {
  options: ReadonlyArray<ChoiceOption<K>>;
  /** `data-testid` prefix: each choice gets `${testId}-${key}` (and `data-selected`). */
  testId: string;
}

/** One choice at a time: tapping a choice picks it (tapping the chosen one again keeps it). */
export interface SingleChoicesProps<K extends string> extends CommonProps<K> {
  multiple?: false;
  /** The chosen key; none yet: null or undefined. */
  value: K | null | undefined;
  onChange: (key: K) => void;
}

/** Several at a time: tapping a choice turns it on or off; `onChange` gets the chosen keys in tapping order. */
export interface MultipleChoicesProps<K extends string> extends CommonProps<K> {
  multiple: true;
  value: readonly K[];
  onChange: (keys: K[]) => void;
}

export type ChoicesProps<K extends string> = SingleChoicesProps<K> | MultipleChoicesProps<K>;

/**
 * A row of choices shown as pills, the chosen ones in the brand colour; each is a tap target of at least 44px that
 * grows with 关怀模式 (sizes through fs()). Single choice by default, several with `multiple`.
 */
export function Choices<K extends string>(props: SingleChoicesProps<K>): ReactElement;
export function Choices<K extends string>(props: MultipleChoicesProps<K>): ReactElement;
export function Choices<K extends string>(props: ChoicesProps<K>) {
  const isOn = (key: K) => (props.multiple ? props.value.includes(key) : props.value === key);
  const tap = (key: K) => {
    if (!props.multiple) return props.onChange(key);
    const { value } = props;
    props.onChange(value.includes(key) ? value.filter((k) => k !== key) : [...value, key]);
  };
  return (
    <View className='choices'>
      {props.options.map((o) => (
        <View
          key={o.key}
          className={`choice ${isOn(o.key) ? 'choice-on' : ''}`}
          data-testid={`${props.testId}-${o.key}`}
          data-selected={isOn(o.key) ? 'true' : 'false'}
          onClick={() => tap(o.key)}
        >
          {o.label}
        </View>
      ))}
    </View>
  );
}

/** The options of a label table (`{ urgent: '紧急' }`), in the table's order. */
export function labelled<K extends string>(labels: Record<K, string>): Array<ChoiceOption<K>> {
  return (Object.keys(labels) as K[]).map((key) => ({ key, label: labels[key] }));
}
