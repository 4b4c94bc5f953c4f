/** The 系统设置 form: from the settings, and back as settings.save takes it (pure). */
import { type SwitchableArea } from '@rules/areas';
import {
  DEFAULT_TEMPLATE_FIELDS,
  MESSAGE_PART_LABELS,
  MESSAGE_PARTS,
  TEMPLATE_FIELD_PATTERN,
  type MessagePart,
} from '@rules/messageFields';
import type { InputOf } from '../../api/types';
import { subscribeTemplates, timelineLabels } from '../../features';
import type { UnionSettings } from '../../stores/settings';

type SaveInput = InputOf<'settings.save'>;

export interface Form {
  name: string;
  shortName: string;
  city: string;
  hotline: string;
  /** One district a line (or separated by 、，,), each optionally with its centre: `武进区 31.705 119.945`. */
  districts: string;
  latitude: string;
  longitude: string;
  areas: Record<SwitchableArea, boolean>;
  /** 审核期限 and the other deadlines, as typed (whole numbers). */
  deadlines: Record<DeadlineKey, string>;
  /** Subscribe-message template key → its id from 小程序后台 (empty: none set; the app's placeholder is used). */
  templateIds: Record<string, string>;
  /** Template key → its fields as typed: `thing7=title, phrase3=status, date2=time` (empty: the default fields). */
  templateFields: Record<string, string>;
}

export type DeadlineKey = 'reviewDays' | 'firstAnswerHours' | 'offerClaimHours' | 'setupCodeHours';

/** Each deadline: its label, unit and the range settings.save takes. */
export const DEADLINES: ReadonlyArray<{ key: DeadlineKey; label: string; unit: string; min: number; max: number }> = [
  { key: 'reviewDays', label: '审核期限', unit: '天', min: 1, max: 60 },
  { key: 'firstAnswerHours', label: '线上法律咨询首次答复时限', unit: '小时', min: 1, max: 168 },
  { key: 'offerClaimHours', label: '递补名额确认时限', unit: '小时', min: 1, max: 168 },
  { key: 'setupCodeHours', label: '设置码有效期', unit: '小时', min: 1, max: 168 },
];

/** The message parts a field may carry, as the page lists them: `title（事项）、status（状态）…`. */
export const PARTS_HINT = MESSAGE_PARTS.map((p) => `${p}（${MESSAGE_PART_LABELS[p]}）`).join('、');
export const DEFAULT_FIELDS_TEXT = formatTemplateFields(DEFAULT_TEMPLATE_FIELDS);
const FIELDS_FORMAT = `格式应为 字段名=内容，用逗号分隔，如 thing7=title, phrase3=status, date2=time；内容为 ${PARTS_HINT}`;

/** A template's field mapping as the page shows it: `thing7=title, phrase3=status, date2=time`. */
export function formatTemplateFields(fields: Readonly<Record<string, string>> | undefined): string {
  return Object.entries(fields ?? {})
    .map(([field, part]) => `${field}=${part}`)
    .join(', ');
}

/**
 * A mapping as typed back into `{ field: part }` (empty text: none, the default fields), or the Chinese problem.
 * Pairs are separated by commas (either width), 、, semicolons or new lines; a part may be named in Chinese (事项…).
 */
export function parseTemplateFields(text: string): { fields: Record<string, MessagePart> } | { error: string } {
  const fields: Record<string, MessagePart> = {};
  const byLabel = Object.fromEntries(MESSAGE_PARTS.map((p) => [MESSAGE_PART_LABELS[p], p])) as Record<string, MessagePart>;
  for (const pair of text
    .split(/[,，、;；\n]+/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const match = /^([^=＝\s]+)\s*[=＝]\s*(\S+)$/.exec(pair);
    if (!match) return { error: `「${pair}」${FIELDS_FORMAT}` };
    const [, field, named] = match;
    const part = (MESSAGE_PARTS as readonly string[]).includes(named) ? (named as MessagePart) : byLabel[named];
    if (!TEMPLATE_FIELD_PATTERN.test(field))
      return { error: `「${field}」不是模板字段名：应为小程序后台模板详情中的字段名，如 thing7、phrase3、date2` };
    if (!part) return { error: `「${pair}」的内容应为 ${PARTS_HINT}` };
    if (fields[field]) return { error: `字段「${field}」写了两次` };
    fields[field] = part;
  }
  return { fields };
}

/** The templates' names as members see them in 我的申请 (membership_status → 入会申请), else the key. */
export function templateLabel(key: string): string {
  const kind = key.replace(/_status$/, '').replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
  return timelineLabels()[kind] ?? key;
}

export function toForm(s: UnionSettings): Form {
  return {
    name: s.union.name,
    shortName: s.union.shortName,
    city: s.union.city,
    hotline: s.union.hotline,
    districts: s.union.districts
      .map((d) => {
        const c = s.union.districtCenters?.[d];
        return c ? `${d} ${c.latitude} ${c.longitude}` : d;
      })
      .join('\n'),
    latitude: s.union.mapCenter ? String(s.union.mapCenter.latitude) : '',
    longitude: s.union.mapCenter ? String(s.union.mapCenter.longitude) : '',
    areas: { ...s.areas },
    deadlines: Object.fromEntries(DEADLINES.map((d) => [d.key, String(s.deadlines[d.key])])) as Record<DeadlineKey, string>,
    // Every template the app asks for, then any other the settings hold an id or fields for (kept as they are).
    templateIds: {
      ...Object.fromEntries(subscribeTemplates().map((t) => [t.key, ''])),
      ...Object.fromEntries(Object.keys(s.subscribeTemplateFields ?? {}).map((key) => [key, ''])),
      ...s.subscribeTemplateIds,
    },
    templateFields: Object.fromEntries(
      Object.entries(s.subscribeTemplateFields ?? {}).map(([key, fields]) => [key, formatTemplateFields(fields)]),
    ),
  };
}

/** The form as settings.save takes it; client-side problems by form key (the server checks everything again). */
export function toSaveInput(form: Form, version: number): { input?: SaveInput; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const latitude = Number(form.latitude);
  const longitude = Number(form.longitude);
  if (!form.latitude.trim() || !Number.isFinite(latitude) || Math.abs(latitude) > 90)
    errors.latitude = '请填写纬度（-90到90，如 31.78）';
  if (!form.longitude.trim() || !Number.isFinite(longitude) || Math.abs(longitude) > 180)
    errors.longitude = '请填写经度（-180到180，如 119.97）';
  const deadlines = {} as Record<DeadlineKey, number>;
  for (const d of DEADLINES) {
    const value = Number(form.deadlines[d.key].trim());
    if (!/^\d+$/.test(form.deadlines[d.key].trim()) || value < d.min || value > d.max)
      errors[d.key] = `「${d.label}」应为${d.min}–${d.max}${d.unit}的整数`;
    else deadlines[d.key] = value;
  }
  const subscribeTemplateIds: Record<string, string> = {};
  for (const [key, id] of Object.entries(form.templateIds)) {
    const trimmed = id.trim();
    if (!trimmed) continue;
    if (trimmed.length > 64 || /\s/.test(trimmed)) errors[`template-${key}`] = '模板ID为小程序后台“订阅消息”中的模板ID，不含空格';
    else subscribeTemplateIds[key] = trimmed;
  }
  const subscribeTemplateFields: Record<string, Record<string, MessagePart>> = {};
  for (const [key, text] of Object.entries(form.templateFields)) {
    const parsed = parseTemplateFields(text);
    if ('error' in parsed) errors[`template-fields-${key}`] = parsed.error;
    else if (Object.keys(parsed.fields).length) subscribeTemplateFields[key] = parsed.fields;
  }
  if (!form.name.trim()) errors.name = '请填写工会名称';
  if (!form.shortName.trim()) errors.shortName = '请填写简称';
  if (Object.keys(errors).length) return { errors };
  const districts: string[] = [];
  const districtCenters: Record<string, { latitude: number; longitude: number }> = {};
  for (const item of form.districts
    .split(/[\n、，,]+/)
    .map((d) => d.trim())
    .filter(Boolean)) {
    const [name, lat, lng, ...rest] = item.split(/\s+/);
    districts.push(name);
    if (lat === undefined) continue;
    const point = { latitude: Number(lat), longitude: Number(lng) };
    if (
      rest.length ||
      !Number.isFinite(point.latitude) ||
      !Number.isFinite(point.longitude) ||
      Math.abs(point.latitude) > 90 ||
      Math.abs(point.longitude) > 180
    )
      errors.districts = `「${name}」的中心应写作：名称 纬度 经度，如 武进区 31.705 119.945`;
    else districtCenters[name] = point;
  }
  if (errors.districts) return { errors };
  return {
    errors,
    input: {
      version,
      union: {
        name: form.name.trim(),
        shortName: form.shortName.trim(),
        city: form.city.trim(),
        hotline: form.hotline.trim(),
        districts,
        districtCenters,
        mapCenter: { latitude, longitude },
      },
      areas: form.areas,
      subscribeTemplateIds,
      subscribeTemplateFields,
      deadlines,
    },
  };
}
