/**
 * Claims of one plan as an .xlsx for the staff reviewing them (the plan's union or above): who, which stay, the
 * amounts and each step. It holds health data, so the export is audited as a pii_view and the link lives 10 minutes.
 */
import type { ActionContext } from '../../action';
import { findMany } from '../../db';
import { fail } from '../../errors';
import { toIso } from '../../lib/time';
import { CLAIM_STATUS_LABELS, toYuan, type ClaimStatus } from '../../rules/mutualAid';
import { writeAudit } from '../../shared/audit';
import { coversOrg, subtreeWhere } from '../../shared/scope';
import { buildWorkbook, saveExport, type SheetRow } from '../../shared/xlsx';
import { MUTUAL_AID_COLLECTIONS as C } from './collections';
import { loadPlan } from './plans';
import type { ClaimRecord } from './records';

const PAGE = 100;

async function* claimRows(where: Record<string, unknown>): AsyncIterable<SheetRow> {
  for (let skip = 0; ; skip += PAGE) {
    const rows = await findMany<ClaimRecord>(C.claims, where, {
      orderBy: [
        ['submittedAt', 'asc'],
        ['_id', 'asc'],
      ],
      skip,
      limit: PAGE,
    });
    for (const c of rows)
      yield {
        name: c.name,
        cardNo: c.cardNo,
        org: c.orgName,
        hospital: c.hospital,
        admittedOn: c.admittedOn,
        dischargedOn: c.dischargedOn,
        invoiceTotal: toYuan(c.invoiceTotalFen),
        selfPaid: toYuan(c.selfPaidFen),
        rule: toYuan(c.ruleFen),
        approved: c.approvedFen === undefined ? '' : toYuan(c.approvedFen),
        status: CLAIM_STATUS_LABELS[c.status],
        submittedAt: toIso(c.submittedAt).slice(0, 10),
        paidOn: c.payment?.date ?? '',
        reference: c.payment?.reference ?? '',
        note: c.decisionNote ?? '',
      };
    if (rows.length < PAGE) return;
  }
}

export async function exportClaims(input: { planId: string; status?: ClaimStatus }, ctx: ActionContext) {
  const plan = await loadPlan(input.planId);
  if (!coversOrg(ctx, plan.orgPath)) throw fail('FORBIDDEN', '只有主办该方案的工会可以导出理赔明细');
  const where = { ...subtreeWhere(ctx, 'planOrgPath'), planId: plan._id, ...(input.status ? { status: input.status } : {}) };
  let count = 0;
  const counted = async function* () {
    for await (const row of claimRows(where)) {
      count += 1;
      yield row;
    }
  };
  const content = await buildWorkbook([
    {
      name: '理赔明细',
      columns: [
        { header: '姓名', key: 'name', width: 10 },
        { header: '会员卡号', key: 'cardNo', width: 16 },
        { header: '参保单位', key: 'org', width: 28 },
        { header: '就诊医院', key: 'hospital', width: 24 },
        { header: '入院日期', key: 'admittedOn', width: 12 },
        { header: '出院日期', key: 'dischargedOn', width: 12 },
        { header: '发票总金额（元）', key: 'invoiceTotal', width: 14 },
        { header: '个人自付（元）', key: 'selfPaid', width: 14 },
        { header: '按规则计算（元）', key: 'rule', width: 14 },
        { header: '核准金额（元）', key: 'approved', width: 14 },
        { header: '状态', key: 'status', width: 14 },
        { header: '申请日期', key: 'submittedAt', width: 12 },
        { header: '支付日期', key: 'paidOn', width: 12 },
        { header: '支付凭证号', key: 'reference', width: 18 },
        { header: '审核意见', key: 'note', width: 30 },
      ],
      rows: counted(),
    },
  ]);
  const link = await saveExport(content, 'mutualAid', `${plan.name}-理赔明细`);
  await writeAudit({
    actor: ctx.openid,
    action: 'mutualAid.export',
    target: plan._id,
    summary: `导出「${plan.name}」理赔明细（${count} 条）`,
    at: ctx.now,
    kind: 'pii_view',
    details: { orgId: plan.ownerOrgId },
  });
  return { url: link.url, expiresAt: link.expiresAt, rows: count };
}
