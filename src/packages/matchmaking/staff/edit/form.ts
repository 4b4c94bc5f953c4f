/** The event editor's form state, and its translation to and from the server's shapes (pure). */
import type { PickRule } from '@rules/matchmaking';
import type { EventDetail, SaveEventInput } from '../../types';
import { isoOf as iso, momentIn as at, momentOf as split } from '../../../../components/enrollment/chinaTime';
import { problems, type ActivityBasics, type Checked } from '../../../../components/enrollment/editor/fields';

export interface EventForm extends ActivityBasics {
  orgId: string;
  capacity: string;
  seatsF: string;
  seatsM: string;
  ageMin: string;
  ageMax: string;
  review: boolean;
  waitlist: boolean;
  requireConfirmedSingle: boolean;
  pickLimit: string;
  pickDays: string;
  /** Whom a participant may pick: 异性之间 (default) or 不限性别. */
  pickRule: PickRule;
  cancelKind: 'untilSignupEnd' | 'untilHoursBefore';
}

export function emptyForm(orgId: string): EventForm {
  return {
    title: '',
    orgId,
    place: '',
    description: '',
    startAt: at(21, '14:00'),
    endAt: at(21, '17:00'),
    signupStart: at(1, '09:00'),
    signupEnd: at(17, '17:00'),
    capacity: '40',
    seatsF: '20',
    seatsM: '20',
    ageMin: '22',
    ageMax: '40',
    review: true,
    waitlist: true,
    requireConfirmedSingle: false,
    pickLimit: '3',
    pickDays: '3',
    pickRule: 'opposite',
    fee: '免费',
    cancelKind: 'untilHoursBefore',
  };
}

export function formOf(e: EventDetail): EventForm {
  return {
    title: e.title,
    orgId: e.orgId,
    place: e.place,
    description: e.description,
    startAt: split(e.startAt),
    endAt: split(e.endAt),
    signupStart: split(e.signupStart),
    signupEnd: split(e.signupEnd),
    capacity: String(e.capacity),
    seatsF: e.genderSeats.F ? String(e.genderSeats.F.seats) : '',
    seatsM: e.genderSeats.M ? String(e.genderSeats.M.seats) : '',
    ageMin: e.ageMin !== undefined ? String(e.ageMin) : '',
    ageMax: e.ageMax !== undefined ? String(e.ageMax) : '',
    review: e.review,
    waitlist: e.waitlist,
    requireConfirmedSingle: e.requireConfirmedSingle,
    pickLimit: String(e.pickLimit),
    pickDays: String(e.pickDays),
    pickRule: e.pickRule,
    fee: e.fee,
    cancelKind: e.cancelPolicy.kind === 'untilSignupEnd' ? 'untilSignupEnd' : 'untilHoursBefore',
  };
}

const int = (v: string) => (v.trim() === '' ? undefined : Number(v));

/** The input to save, or the first problem by field (the server checks everything again). */
export function toSaveInput(f: EventForm, activityId?: string): Checked<SaveEventInput> {
  if (f.title.trim().length < 4) return problems({ title: '标题至少4个字' });
  if (f.place.trim().length < 2) return problems({ place: '请填写活动地点' });
  if (f.description.trim().length < 10) return problems({ description: '活动介绍至少10个字' });
  const numbers = { capacity: int(f.capacity), pickLimit: int(f.pickLimit), pickDays: int(f.pickDays) };
  for (const [k, v] of Object.entries(numbers))
    if (v === undefined || !Number.isInteger(v)) return problems({ [k]: '请填写整数' });
  const seatsF = int(f.seatsF);
  const seatsM = int(f.seatsM);
  const ageMin = int(f.ageMin);
  const ageMax = int(f.ageMax);
  const seats =
    seatsF !== undefined || seatsM !== undefined
      ? { ...(seatsF !== undefined ? { F: seatsF } : {}), ...(seatsM !== undefined ? { M: seatsM } : {}) }
      : undefined;
  return {
    input: {
      ...(activityId ? { activityId } : {}),
      orgId: f.orgId,
      title: f.title.trim(),
      description: f.description.trim(),
      place: f.place.trim(),
      startAt: iso(f.startAt),
      endAt: iso(f.endAt),
      signupStart: iso(f.signupStart),
      signupEnd: iso(f.signupEnd),
      capacity: numbers.capacity!,
      ...(seats ? { seats } : {}),
      ...(ageMin !== undefined ? { ageMin } : {}),
      ...(ageMax !== undefined ? { ageMax } : {}),
      review: f.review,
      waitlist: f.waitlist,
      claimHours: 24,
      fee: f.fee.trim(),
      cancelPolicy: f.cancelKind === 'untilSignupEnd' ? { kind: 'untilSignupEnd' } : { kind: 'untilHoursBefore', hours: 24 },
      requireConfirmedSingle: f.requireConfirmedSingle,
      pickLimit: numbers.pickLimit!,
      pickDays: numbers.pickDays!,
      pickRule: f.pickRule,
    },
  };
}
