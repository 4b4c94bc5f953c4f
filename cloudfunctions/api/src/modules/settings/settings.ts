/**
 * The union's settings: read by the app at launch (settings.get), edited by administrators (settings.save, a
 * versioned write: a save from a stale read is refused, never silently overwrites), and read by the router to
 * refuse the actions of an area the union switched off (assertAreaOn: at most one database request per call,
 * none while the warm instance's copy is younger than CACHE_MS).
 */
import type { ActionContext } from '../../action';
import { findById, withTransaction } from '../../db';
import { fail } from '../../errors';
import { writeAudit } from '../../shared/audit';
import { SETTINGS_COLLECTIONS as C, SETTINGS_DOC_ID } from './collections';
import { settingsErrors } from './errors';
import {
  AREA_LABELS,
  SWITCHABLE_AREAS,
  type Deadlines,
  type MapPoint,
  type SettingsRecord,
  type SettingsView,
  type SwitchableArea,
  type UnionFacts,
  type UnionSettings,
} from './records';
import type { SettingsSaveInput } from './schemas';

/** How long a warm instance trusts its copy for the area check (another instance's save shows within this). */
export const CACHE_MS = 30_000;

/** What an environment without a settings document gets: every area on, the national hotline, nothing local. */
const DEFAULT_UNION: UnionFacts = {
  name: '工会服务',
  shortName: '工会',
  city: '',
  hotline: '12351',
  districts: [],
  districtCenters: {},
  mapCenter: null,
};
const DEFAULT_DEADLINES: Deadlines = { reviewDays: 7, offerClaimHours: 24, setupCodeHours: 72, firstAnswerHours: 48 };

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

function mapPoint(v: unknown): MapPoint | null {
  return isObject(v) && typeof v.latitude === 'number' && typeof v.longitude === 'number'
    ? { latitude: v.latitude, longitude: v.longitude }
    : null;
}

/** The centres of the listed districts only (a district removed from the list takes its centre with it). */
function centersOf(districts: string[], stored: unknown): Record<string, MapPoint> {
  const centers: Record<string, MapPoint> = {};
  if (!isObject(stored)) return centers;
  for (const d of districts) {
    const point = mapPoint(stored[d]);
    if (point) centers[d] = point;
  }
  return centers;
}

/** The stored document (or none) as the app sees it: missing parts take their defaults; an area is on unless false. */
export function toSettingsView(record: SettingsRecord | null): SettingsView {
  const union = isObject(record?.union) ? (record!.union as Partial<UnionFacts>) : {};
  const areas = isObject(record?.areas) ? (record!.areas as Partial<Record<SwitchableArea, unknown>>) : {};
  const deadlines = isObject(record?.deadlines) ? (record!.deadlines as Partial<Deadlines>) : {};
  const districts = Array.isArray(union.districts) ? union.districts.filter((d): d is string => typeof d === 'string') : [];
  return {
    union: {
      name: typeof union.name === 'string' && union.name ? union.name : DEFAULT_UNION.name,
      shortName: typeof union.shortName === 'string' && union.shortName ? union.shortName : DEFAULT_UNION.shortName,
      city: typeof union.city === 'string' ? union.city : DEFAULT_UNION.city,
      hotline: typeof union.hotline === 'string' && union.hotline ? union.hotline : DEFAULT_UNION.hotline,
      districts,
      districtCenters: centersOf(districts, union.districtCenters),
      mapCenter: mapPoint(union.mapCenter),
    },
    areas: Object.fromEntries(SWITCHABLE_AREAS.map((a) => [a, areas[a] !== false])) as Record<SwitchableArea, boolean>,
    subscribeTemplateIds: isObject(record?.subscribeTemplateIds) ? (record!.subscribeTemplateIds as Record<string, string>) : {},
    subscribeTemplateFields: isObject(record?.subscribeTemplateFields)
      ? (record!.subscribeTemplateFields as UnionSettings['subscribeTemplateFields'])
      : {},
    deadlines: {
      reviewDays: deadlines.reviewDays ?? DEFAULT_DEADLINES.reviewDays,
      offerClaimHours: deadlines.offerClaimHours ?? DEFAULT_DEADLINES.offerClaimHours,
      setupCodeHours: deadlines.setupCodeHours ?? DEFAULT_DEADLINES.setupCodeHours,
      firstAnswerHours: deadlines.firstAnswerHours ?? DEFAULT_DEADLINES.firstAnswerHours,
    },
    version: typeof record?.version === 'number' ? record.version : 0,
    updatedAt: record?.updatedAt ?? null,
  };
}

let cached: { at: number; settings: SettingsView } | null = null;

function remember(settings: SettingsView): SettingsView {
  cached = { at: Date.now(), settings };
  return settings;
}

/** settings.get: always the stored document (an editor must see the current version); refreshes the cache. */
export async function getSettings(): Promise<SettingsView> {
  return remember(toSettingsView(await findById<SettingsRecord>(C.settings, SETTINGS_DOC_ID)));
}

/** The settings as this warm instance last read them, read again when older than CACHE_MS. */
async function cachedSettings(): Promise<SettingsView> {
  if (cached && Date.now() - cached.at < CACHE_MS && Date.now() >= cached.at) return cached.settings;
  return getSettings();
}

/**
 * Days an application or booking may wait for review before it is flagged overdue (settings.deadlines), as this
 * warm instance last read the settings (at most CACHE_MS old).
 */
export async function reviewDays(): Promise<number> {
  return (await cachedSettings()).deadlines.reviewDays;
}

/**
 * The districts places and people may name (settings.union.districts), as this warm instance last read them; an
 * empty list means the union has not listed any yet, and any name is taken.
 */
export async function unionDistricts(): Promise<string[]> {
  return (await cachedSettings()).union.districts;
}

/**
 * The union's subscribe-message templates (settings.subscribeTemplateIds and subscribeTemplateFields), as this warm
 * instance last read the settings: what an administrator edits in the app is what the next message is sent with.
 */
export async function subscribeTemplates(): Promise<{
  ids: Record<string, string>;
  fields: UnionSettings['subscribeTemplateFields'];
}> {
  const settings = await cachedSettings();
  return { ids: settings.subscribeTemplateIds, fields: settings.subscribeTemplateFields };
}

/** Which areas are on (settings.areas), as this warm instance last read the settings. */
export async function areaSwitches(): Promise<Record<SwitchableArea, boolean>> {
  return (await cachedSettings()).areas;
}

/** For tests of the router in process: forget the cached copy. */
export function forgetCachedSettings(): void {
  cached = null;
}

export function isSwitchableArea(area: string): area is SwitchableArea {
  return (SWITCHABLE_AREAS as readonly string[]).includes(area);
}

/**
 * The router's check, before any handler: an action of a switched-off area (by its module, the action's
 * prefix) is refused with AREA_OFF and stores nothing. Actions of areas that never switch off (session,
 * settings, org, roles…) cost no database request.
 */
export async function assertAreaOn(action: string): Promise<void> {
  const area = action.slice(0, action.indexOf('.'));
  if (!isSwitchableArea(area)) return;
  const settings = await cachedSettings();
  if (settings.areas[area] === false) {
    throw settingsErrors.fail('AREA_OFF', `${AREA_LABELS[area]}服务暂未开通，如有需要请联系所属工会`, { area });
  }
}

/**
 * settings.save (administrators): replaces the editable settings if nobody saved since `input.version` was
 * read. Read, compare and write are one transaction: of two saves from the same version exactly one is stored,
 * the other is refused with CONFLICT and changes nothing.
 */
export async function saveSettings(input: SettingsSaveInput, ctx: ActionContext): Promise<SettingsView> {
  const saved = await withTransaction(async (tx): Promise<SettingsRecord | null> => {
    const stored = await tx.get<SettingsRecord>(C.settings, SETTINGS_DOC_ID);
    const current = toSettingsView(stored);
    if (current.version !== input.version) return null;
    const { _id: _ignored, ...kept } = stored ?? ({ _id: SETTINGS_DOC_ID } as SettingsRecord);
    const next: Omit<SettingsRecord, '_id'> = {
      ...kept,
      union: {
        ...input.union,
        districts: [...new Set(input.union.districts)],
        districtCenters: centersOf(input.union.districts, input.union.districtCenters ?? {}),
      },
      areas: input.areas,
      subscribeTemplateIds: input.subscribeTemplateIds ?? current.subscribeTemplateIds,
      subscribeTemplateFields: input.subscribeTemplateFields ?? current.subscribeTemplateFields,
      // A save without firstAnswerHours (an older editor) keeps the stored one.
      deadlines: input.deadlines ? { ...current.deadlines, ...input.deadlines } : current.deadlines,
      version: current.version + 1,
      updatedAt: ctx.now,
      updatedBy: ctx.openid,
    };
    await tx.set(C.settings, SETTINGS_DOC_ID, next);
    return { _id: SETTINGS_DOC_ID, ...next };
  });
  if (!saved) throw fail('CONFLICT', '设置已被其他管理员修改，请刷新后重新编辑');
  const view = remember(toSettingsView(saved));
  const off = SWITCHABLE_AREAS.filter((a) => !view.areas[a]).map((a) => AREA_LABELS[a]);
  await writeAudit({
    actor: ctx.openid,
    action: 'settings.save',
    target: SETTINGS_DOC_ID,
    summary: `${view.union.name} · 第${view.version}版${off.length ? ` · 未开通：${off.join('、')}` : ''}`,
    at: ctx.now,
    details: { version: view.version, hotline: view.union.hotline, areasOff: off.join(',') || null },
  });
  return view;
}
