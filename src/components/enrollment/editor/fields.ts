/**
 * What every activity editor holds, whatever the area (pure): the basics and the four dates (China time), and how
 * a form is checked before it is sent.
 */
import type { Moment } from '../chinaTime';

export type { ActivityArea } from '../area';

/** The fields every activity has; an area's form adds its own. Keys are the server's names (errors land on them). */
export interface ActivityBasics {
  title: string;
  place: string;
  description: string;
  fee: string;
  signupStart: Moment;
  signupEnd: Moment;
  startAt: Moment;
  endAt: Moment;
}

/** A form checked on the phone: the input to send, or the problems by field (the server checks all again). */
export type Checked<I> = { input: I } | { problems: Record<string, string> };

export const problems = <I>(found: Record<string, string>): Checked<I> => ({ problems: found });

/** The fields of the shared part the server may name in a refusal (shown under their inputs). */
export const BASIC_FIELDS: ReadonlyArray<keyof ActivityBasics> = [
  'title',
  'place',
  'description',
  'fee',
  'signupStart',
  'signupEnd',
  'startAt',
  'endAt',
];
