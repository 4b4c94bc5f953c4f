/** 优惠核销统计: redemptions per merchant for one month, in the staff member's subtree, as an .xlsx link. */
import type { ActionContext } from '../../action';
import { command, getDb } from '../../db';
import { writeAudit } from '../../shared/audit';
import { orgScopes } from '../../shared/scope';
import { buildWorkbook, saveExport } from '../../shared/xlsx';
import { MERCHANTS_COLLECTIONS as C } from './collections';

interface Group {
  _id: string;
  placeName: string;
  count: number;
  members: string[];
  offers: string[];
}

export async function exportStats(month: string, ctx: ActionContext): Promise<{ url: string; expiresAt: string; rows: number }> {
  const scopes = orgScopes(ctx);
  const match: Record<string, unknown> = { month };
  if (scopes !== null) match.placeOrgPath = command().in(scopes);
  const $ = command().aggregate;
  const res = (await getDb()
    .collection(C.redemptions)
    .aggregate()
    .match(match)
    .group({
      _id: '$placeId',
      placeName: $.first('$placeName'),
      count: $.sum(1),
      members: $.addToSet('$cardNo'),
      offers: $.addToSet('$offerTitle'),
    })
    .sort({ count: -1 })
    .limit(5000)
    .end()) as unknown as { list: Group[] };
  const rows = res.list.map((g) => ({
    place: g.placeName,
    placeId: g._id,
    count: g.count,
    members: g.members.length,
    offers: g.offers.join('；'),
  }));
  const content = await buildWorkbook([
    {
      name: `${month} 核销统计`,
      columns: [
        { header: '商户', key: 'place', width: 28 },
        { header: '商户编号', key: 'placeId', width: 24 },
        { header: '核销次数', key: 'count', width: 12 },
        { header: '核销会员数', key: 'members', width: 12 },
        { header: '核销的优惠', key: 'offers', width: 40 },
      ],
      rows,
    },
  ]);
  const link = await saveExport(content, 'merchants', `优惠核销统计-${month}`);
  await writeAudit({
    actor: ctx.openid,
    action: 'merchants.export',
    target: month,
    summary: `导出 ${month} 优惠核销统计（${rows.length} 家商户）`,
    at: ctx.now,
  });
  return { url: link.url, expiresAt: link.expiresAt, rows: rows.length };
}
