import { findPage, type Page } from '../../db';
import { toIso } from '../../lib/time';
import { CORE_COLLECTIONS } from '../../shared/collections';
import type { TimelineRecord } from '../../shared/records';
import type { TimelineEntry } from './views';

export async function listTimeline(openid: string, page = 1): Promise<Page<TimelineEntry>> {
  const { rows, total } = await findPage<TimelineRecord>(CORE_COLLECTIONS.timeline, { openid }, [['at', 'desc']], page);
  return {
    items: rows.map((r) => ({
      _id: String(r._id),
      area: r.area,
      refId: r.refId,
      title: r.title,
      status: r.status,
      statusText: r.statusText,
      ...(r.note ? { note: r.note } : {}),
      at: toIso(r.at),
    })),
    total,
  };
}
