import { COLLECTIONS, findMany } from '../../db';
import { toIso } from '../../lib/time';
import type { TimelineRecord } from '../../records';
import type { TimelineEntry } from '../../views';

export const TIMELINE_PAGE_SIZE = 20;

export async function listTimeline(openid: string, page = 1): Promise<{ items: TimelineEntry[] }> {
  const rows = await findMany<TimelineRecord>(
    COLLECTIONS.timeline,
    { openid },
    {
      orderBy: [['at', 'desc']],
      skip: (page - 1) * TIMELINE_PAGE_SIZE,
      limit: TIMELINE_PAGE_SIZE,
    },
  );
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
  };
}
