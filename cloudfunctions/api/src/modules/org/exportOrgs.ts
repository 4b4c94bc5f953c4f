/** The tree as an .xlsx (the columns the import reads, plus ids), for the caller's scope, as other exports go. */
import type { ActionContext } from '../../action';
import { ORG_KIND_LABELS } from '../../rules/orgKinds';
import { writeAudit } from '../../shared/audit';
import { listAllOrgs } from '../../shared/orgs';
import { coversOrg } from '../../shared/scope';
import { buildWorkbook, saveExport } from '../../shared/xlsx';
import { isClosed } from './access';

export async function exportOrgs(_input: Record<string, never>, ctx: ActionContext) {
  const all = await listAllOrgs();
  const names = new Map(all.map((o) => [o._id, o.name]));
  const mine = all.filter((o) => coversOrg(ctx, o.path));
  const content = await buildWorkbook([
    {
      name: '组织架构',
      columns: [
        { header: '名称', key: 'name', width: 32 },
        { header: '上级工会', key: 'parent', width: 32 },
        { header: '类型', key: 'kind', width: 16 },
        { header: '是否新就业形态', key: 'newEmployment', width: 14 },
        { header: '编号', key: 'id', width: 26 },
        { header: '上级工会编号', key: 'parentId', width: 26 },
        { header: '状态', key: 'status', width: 10 },
      ],
      rows: mine.map((o) => ({
        name: o.name,
        parent: o.parentId ? (names.get(o.parentId) ?? '') : '',
        kind: ORG_KIND_LABELS[o.kind] ?? o.kind,
        newEmployment: o.acceptsNewEmployment ? '是' : '否',
        id: o._id,
        parentId: o.parentId ?? '',
        status: isClosed(o) ? '已撤销' : '正常',
      })),
    },
  ]);
  const link = await saveExport(content, 'org', '组织架构');
  await writeAudit({
    actor: ctx.openid,
    action: 'org.export',
    target: 'orgs',
    summary: `导出组织架构（${mine.length} 个工会）`,
    at: ctx.now,
  });
  return { url: link.url, expiresAt: link.expiresAt, rows: mine.length };
}
