/** The stored fields of a place from a form, an import row or demo data (pure). */
import { fail } from '../../errors';
import { parseHours, weekRanges } from './hours';
import type { SaveInput } from './schemas';

/** The stored fields of a place from a form or an import row (hours parsed; kind-specific fields checked). */
export function placeFields(input: Omit<SaveInput, 'placeId' | 'rev' | 'orgId' | 'photos'>): Record<string, unknown> {
  const hours = parseHours(input.hours);
  if (!hours.ok) throw fail('INVALID_INPUT', hours.message, { field: 'hours' });
  if (input.kind === 'merchant' && !input.category) throw fail('INVALID_INPUT', '「类别」不能为空', { field: 'category' });
  if (input.kind === 'station' && !input.services?.length)
    throw fail('INVALID_INPUT', '请选择驿站提供的服务', { field: 'services' });
  return {
    kind: input.kind,
    name: input.placeName,
    ...(input.kind === 'merchant'
      ? { category: input.category, tier: input.tier ?? '普惠商户', services: [] }
      : { services: input.services }),
    tags: [...new Set(input.tags ?? [])],
    district: input.district,
    address: input.address,
    phone: input.phone,
    intro: input.intro ?? '',
    location: { type: 'Point', coordinates: [input.lng, input.lat] },
    hours: hours.rules,
    hoursText: hours.text,
    openWeek: weekRanges(hours.rules),
  };
}
