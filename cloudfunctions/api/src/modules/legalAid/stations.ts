/**
 * Legal-aid stations created and edited by staff in the app (not only by seed data): name, address, map point,
 * hours, services, phone and the union running it. Union staff act within their org subtree — for a new
 * station the union they name, for an edit both the union running it now and the one it moves to;
 * administrators everywhere. Audited. A new station sent with the form's `requestId` gets an _id derived from the
 * caller and that id, so a double tap or a retry after a lost answer creates it once: the store's unique _id is
 * the guard, and the later call answers the station the first one made.
 */
import { z } from 'zod';
import type { ActionContext } from '../../action';
import { countWhere, findById, insertUnique, updateWhere } from '../../db';
import { fail } from '../../errors';
import { allDistinct, recordId } from '../../lib/schemaParts';
import { STATION_SERVICES } from '../../rules/legalAid';
import { writeAudit } from '../../shared/audit';
import { CORE_COLLECTIONS } from '../../shared/collections';
import type { OrgRecord } from '../../shared/records';
import { assertCoversOrg } from '../../shared/scope';
import { LEGAL_AID_COLLECTIONS as C } from './collections';
import type { StationRecord } from './records';
import { toStationView } from './toViews';
import type { StationView } from './views';
import { newPlaceId } from '../../lib/requestIds';

const text = (label: string, min: number, max: number) =>
  z.string().trim().min(min, `请填写${label}（至少${min}个字）`).max(max, `${label}不超过${max}个字`);

export const legalAidSaveStationInput = z.strictObject({
  /** Absent: a new station. */
  stationId: recordId.optional(),
  /** Made by the form once per new station (a double tap, a retry send the same): the station is created once. */
  requestId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,40}$/, '请求编号格式不正确，请重新打开页面')
    .optional(),
  name: text('站点名称', 2, 40),
  address: text('地址', 4, 80),
  location: z.strictObject({
    latitude: z.number().min(-90, '纬度应在-90到90之间').max(90, '纬度应在-90到90之间'),
    longitude: z.number().min(-180, '经度应在-180到180之间').max(180, '经度应在-180到180之间'),
  }),
  hours: text('接待时间', 2, 60),
  services: z
    .array(z.enum(STATION_SERVICES, { error: '服务项目应为法律咨询、劳动争议调解或法律援助申请' }))
    .min(1, '请至少选择一项服务')
    .max(STATION_SERVICES.length)
    .refine((list) => allDistinct(list), '服务项目不能重复'),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9][0-9 -]{4,19}$/, '联系电话应为5–20位数字（可含空格、短横线），如 0519-8860 1235'),
  orgId: recordId,
});
export type LegalAidSaveStationInput = z.infer<typeof legalAidSaveStationInput>;

/** The input fields' names in INVALID_INPUT messages (the module spreads them into its fieldLabels). */
export const STATION_FIELD_LABELS: Record<string, string> = {
  name: '站点名称',
  address: '地址',
  requestId: '请求编号',
  location: '地图位置',
  hours: '接待时间',
  services: '服务项目',
  phone: '联系电话',
  orgId: '主管工会',
};

async function loadOrg(orgId: string): Promise<OrgRecord> {
  const org = await findById<OrgRecord>(CORE_COLLECTIONS.orgs, orgId);
  if (!org) throw fail('INVALID_INPUT', '所选主管工会不存在，请重新选择', { field: 'orgId' });
  return org;
}

/** legalAid.saveStation: creates a station (no stationId) or changes one; answers the station as listed. */
export async function saveStation(input: LegalAidSaveStationInput, ctx: ActionContext): Promise<StationView> {
  const org = await loadOrg(input.orgId);
  assertCoversOrg(ctx, org.path);
  const fields = {
    name: input.name,
    address: input.address,
    location: input.location,
    hours: input.hours,
    services: input.services,
    phone: input.phone,
    orgId: org._id,
    orgPath: org.path,
  };
  let station: StationRecord;
  if (input.stationId) {
    const stored = await findById<StationRecord>(C.stations, input.stationId);
    if (!stored) throw fail('NOT_FOUND', '该法律援助站不存在或已被删除');
    assertCoversOrg(ctx, stored.orgPath);
    await updateWhere(C.stations, { _id: stored._id }, { ...fields, updatedAt: ctx.now, updatedBy: ctx.openid });
    station = { ...stored, ...fields };
  } else {
    const sort = (await countWhere(C.stations, {})) + 1;
    const id = newPlaceId('st-', ctx.openid, input.requestId);
    const created = { ...fields, sort, createdAt: ctx.now, createdBy: ctx.openid };
    if (!(await insertUnique(C.stations, id, created))) {
      // The same form sent twice: the first call made it (and audited it); answer what it stored.
      const first = input.requestId ? await findById<StationRecord>(C.stations, id) : null;
      if (!first) throw fail('CONFLICT');
      return toStationView(first);
    }
    station = { _id: id, ...created };
  }
  await writeAudit({
    actor: ctx.openid,
    action: 'legalAid.saveStation',
    target: station._id,
    summary: `${station.name} · ${org.name}`,
    at: ctx.now,
    details: { created: !input.stationId, orgId: org._id },
  });
  return toStationView(station);
}
