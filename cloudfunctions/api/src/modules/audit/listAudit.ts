import { command, findPage, type Page } from '../../db';
import type { House } from '../../house';
import { toIso } from '../../lib/time';
import { CORE_COLLECTIONS } from '../../shared/collections';
import { readEnvAdmins } from '../../shared/grants';
import { listAllOrgs } from '../../shared/orgs';
import { namesOf } from '../../shared/people';
import type { AuditRecord } from '../../shared/records';
import type { AuditEntry } from './views';

export const AUDIT_PAGE_SIZE = 30;

/** The audit log, newest first, in words; personal-data views only when asked for. */
export async function listAudit(house: House, page = 1, includePiiViews = false): Promise<Page<AuditEntry>> {
  const where = includePiiViews ? {} : { kind: command().neq('pii_view') };
  const { rows, total } = await findPage<AuditRecord>(CORE_COLLECTIONS.audit, where, [['at', 'desc']], page, AUDIT_PAGE_SIZE);
  const [names, orgs] = await Promise.all([namesOf(rows.map((r) => r.actor)), listAllOrgs()]);
  const orgNames = new Map(orgs.map((o) => [o._id, o.name]));
  const envAdmins = readEnvAdmins();
  const labels = house.auditLabels;
  const items = rows.map((r): AuditEntry => {
    const orgId = r.details?.orgId ?? r.details?.toOrgId;
    const orgName = typeof orgId === 'string' ? orgNames.get(orgId) : undefined;
    return {
      _id: String(r._id),
      at: toIso(r.at),
      actorName: names.get(r.actor) ?? (envAdmins.includes(r.actor) ? '系统管理员' : '工作人员'),
      actionLabel: labels[r.action] ?? '其他操作',
      summary: typeof r.summary === 'string' ? r.summary : '',
      kind: r.kind === 'pii_view' ? 'pii_view' : 'change',
      ...(orgName ? { orgName } : {}),
    };
  });
  return { items, total };
}
