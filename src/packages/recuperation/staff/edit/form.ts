/** The trip editor's form state, and its translation to and from the server's shapes (pure). */
import { optionsOf } from '@rules/options';
import { TARGET_GROUPS } from '@rules/recuperation';
import { isoOf as iso, momentIn as at, momentOf as split } from '../../../../components/enrollment/chinaTime';
import { problems, type ActivityBasics, type Checked } from '../../../../components/enrollment/editor/fields';
import type { FormField, SaveInput, TripDetail } from '../../types';

export const TARGETS = optionsOf(TARGET_GROUPS);
export type TargetKey = (typeof TARGETS)[number]['key'];

/** Questions staff can add to the sign-up form with one tap. */
export const PRESET_FIELDS: FormField[] = [
  { key: 'emergency', label: '紧急联系人及电话', type: 'text', required: true, maxLength: 40 },
  { key: 'diet', label: '饮食禁忌', type: 'choice', required: false, options: ['无', '清真', '素食', '其他'] },
  { key: 'health', label: '身体状况', type: 'choice', required: true, options: ['良好，能适应行程', '有慢性病，已遵医嘱备药'] },
  { key: 'size', label: '服装尺码', type: 'choice', required: false, options: ['S', 'M', 'L', 'XL', 'XXL'] },
  { key: 'checkup', label: '近期体检报告', type: 'image', required: false },
];

export interface TripForm extends ActivityBasics {
  orgId: string;
  base: string;
  capacity: string;
  mode: SaveInput['mode'];
  review: boolean;
  waitlist: boolean;
  claimHours: string;
  targetGroups: TargetKey[];
  priorityGroups: TargetKey[];
  everyYears: string;
  cancelKind: SaveInput['cancelPolicy']['kind'];
  cancelHours: string;
  companionsAllowed: boolean;
  companionsMax: string;
  presets: string[];
  /** Fields the form had that are not presets (kept as they are). */
  otherFields: FormField[];
  itinerary: Array<{ title: string; detail: string }>;
  quotas: Array<{ orgId: string; seats: string }>;
  /** Rules the trip has beyond those its settings stand for (kept as they are). */
  extraRules: NonNullable<SaveInput['rules']>;
}

const OWN_RULES = new Set(['activeMember', 'orgScope', 'targetGroups', 'notWithinYears']);

export function emptyForm(orgId: string): TripForm {
  return {
    title: '',
    orgId,
    base: '',
    place: '',
    description: '',
    startAt: at(40, '08:00'),
    endAt: at(44, '17:00'),
    signupStart: at(1, '09:00'),
    signupEnd: at(15, '17:00'),
    capacity: '30',
    mode: 'fcfs',
    review: true,
    waitlist: true,
    claimHours: '24',
    fee: '工会全额补助',
    targetGroups: ['frontline'],
    priorityGroups: [],
    everyYears: '3',
    cancelKind: 'untilHoursBefore',
    cancelHours: '72',
    companionsAllowed: false,
    companionsMax: '1',
    presets: ['emergency', 'health'],
    otherFields: [],
    itinerary: [],
    quotas: [],
    extraRules: [],
  };
}

export function formOf(t: TripDetail): TripForm {
  const presetKeys = new Set(PRESET_FIELDS.map((f) => f.key));
  return {
    title: t.title,
    orgId: t.orgId,
    base: t.recuperation.base,
    place: t.place,
    description: t.description,
    startAt: split(t.startAt),
    endAt: split(t.endAt),
    signupStart: split(t.signupStart),
    signupEnd: split(t.signupEnd),
    capacity: String(t.capacity),
    mode: t.mode,
    review: t.review,
    waitlist: t.waitlist,
    claimHours: String(t.claimHours),
    fee: t.fee,
    targetGroups: t.recuperation.targetGroups as TargetKey[],
    priorityGroups: t.priorityGroups as TargetKey[],
    everyYears: String(t.recuperation.everyYears),
    cancelKind: t.cancelPolicy.kind,
    cancelHours: String(t.cancelPolicy.hours ?? 72),
    companionsAllowed: t.recuperation.companions.allowed,
    companionsMax: String(t.recuperation.companions.max || 1),
    presets: t.formFields.filter((f) => presetKeys.has(f.key)).map((f) => f.key),
    otherFields: t.formFields.filter((f) => !presetKeys.has(f.key)),
    itinerary: t.recuperation.itinerary.map((d) => ({ title: d.title, detail: d.detail })),
    quotas: t.quotas.filter((q) => q.group.startsWith('org:')).map((q) => ({ orgId: q.group.slice(4), seats: String(q.seats) })),
    extraRules: t.rules.filter((r) => !OWN_RULES.has(r.kind)),
  };
}

const int = (v: string) => Math.trunc(Number(v));

/** The save input, or the first problem (field → message) found before asking the server. */
export function toSaveInput(f: TripForm, activityId?: string): Checked<SaveInput> {
  if (f.title.trim().length < 4) return problems({ title: '标题至少4个字' });
  if (!f.orgId) return problems({ orgId: '请选择组织工会' });
  if (f.base.trim().length < 2) return problems({ base: '请填写疗休养基地' });
  if (f.place.trim().length < 2) return problems({ place: '请填写地点' });
  if (f.description.trim().length < 10) return problems({ description: '活动介绍至少10个字' });
  if (!(int(f.capacity) >= 1)) return problems({ capacity: '请填写名额（至少1人）' });
  if (f.quotas.some((q) => !q.orgId || !(int(q.seats) >= 0))) return problems({ quotas: '请为每个单位名额选择工会并填写人数' });
  const input: SaveInput = {
    ...(activityId ? { activityId } : {}),
    orgId: f.orgId,
    title: f.title.trim(),
    description: f.description.trim(),
    place: f.place.trim(),
    base: f.base.trim(),
    startAt: iso(f.startAt),
    endAt: iso(f.endAt),
    signupStart: iso(f.signupStart),
    signupEnd: iso(f.signupEnd),
    capacity: int(f.capacity),
    quotas: f.quotas.map((q) => ({ group: `org:${q.orgId}`, seats: int(q.seats) })),
    mode: f.mode,
    allowNomination: f.mode === 'nomination',
    review: f.review,
    waitlist: f.waitlist,
    claimHours: Math.max(0, int(f.claimHours) || 0),
    fee: f.fee.trim(),
    formFields: [...PRESET_FIELDS.filter((p) => f.presets.includes(p.key)), ...f.otherFields],
    priorityGroups: f.mode === 'lottery' ? f.priorityGroups : [],
    cancelPolicy:
      f.cancelKind === 'untilHoursBefore'
        ? { kind: f.cancelKind, hours: Math.max(1, int(f.cancelHours) || 1) }
        : { kind: f.cancelKind },
    targetGroups: f.targetGroups,
    rules: f.extraRules,
    everyYears: Math.max(0, int(f.everyYears) || 0),
    companions: {
      allowed: f.companionsAllowed,
      max: f.companionsAllowed ? Math.min(3, Math.max(1, int(f.companionsMax) || 1)) : 0,
    },
    itinerary: f.itinerary
      .filter((d) => d.title.trim())
      .map((d, i) => ({ day: i + 1, title: d.title.trim(), detail: d.detail.trim() })),
  };
  return { input };
}
