/** The station editor's form: text fields as typed, checked here, turned into `legalAid.saveStation`'s input. */
import type { StationService } from '@rules/legalAid';
import type { InputOf } from '../../../api/types';
import type { Station } from '../types';

export type StationInput = InputOf<'legalAid.saveStation'>;

export interface StationForm {
  name: string;
  address: string;
  latitude: string;
  longitude: string;
  hours: string;
  services: StationService[];
  phone: string;
  org: { id: string; name: string } | null;
}

export interface MapPoint {
  latitude: number;
  longitude: number;
}

/** An empty form; the map point starts at the union's map centre (settings) when known. */
export function newForm(centre: MapPoint | null | undefined): StationForm {
  return {
    name: '',
    address: '',
    latitude: centre ? String(centre.latitude) : '',
    longitude: centre ? String(centre.longitude) : '',
    hours: '',
    services: ['consult'],
    phone: '',
    org: null,
  };
}

/** The union running a station: the last id of its path. */
export function stationOrgId(station: Station): string {
  return station.orgPath[station.orgPath.length - 1];
}

/** The form of a stored station (its union's name from the tree, else its id). */
export function formOf(station: Station, orgName: string | undefined): StationForm {
  return {
    name: station.name,
    address: station.address,
    latitude: String(station.location.latitude),
    longitude: String(station.location.longitude),
    hours: station.hours,
    services: [...station.services],
    phone: station.phone,
    org: { id: stationOrgId(station), name: orgName ?? stationOrgId(station) },
  };
}

export { newRequestId } from '../../../utils/requestId';

function coordinate(text: string, limit: number): number | null {
  const value = Number(text.trim());
  return text.trim() !== '' && Number.isFinite(value) && Math.abs(value) <= limit ? value : null;
}

/** The input to send, or the messages to show under the fields (keys = form keys). */
export function toStationInput(
  form: StationForm,
  ids: { stationId?: string; requestId: string },
): { input?: StationInput; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  if (form.name.trim().length < 2) errors.name = '请填写站点名称（至少2个字）';
  if (form.address.trim().length < 4) errors.address = '请填写地址（至少4个字）';
  const latitude = coordinate(form.latitude, 90);
  const longitude = coordinate(form.longitude, 180);
  if (latitude === null || longitude === null) errors.location = '请填写纬度（-90到90）和经度（-180到180），如 31.78 / 119.97';
  if (form.hours.trim().length < 2) errors.hours = '请填写接待时间，如 周一至周五 9:00–17:00';
  if (!form.services.length) errors.services = '请至少选择一项服务';
  if (!/^[0-9][0-9 -]{4,19}$/.test(form.phone.trim())) errors.phone = '联系电话应为5–20位数字（可含空格、短横线）';
  if (!form.org) errors.orgId = '请选择主管工会';
  if (Object.keys(errors).length) return { errors };
  return {
    errors,
    input: {
      ...(ids.stationId ? { stationId: ids.stationId } : { requestId: ids.requestId }),
      name: form.name.trim(),
      address: form.address.trim(),
      location: { latitude: latitude!, longitude: longitude! },
      hours: form.hours.trim(),
      services: form.services,
      phone: form.phone.trim(),
      orgId: form.org!.id,
    },
  };
}
