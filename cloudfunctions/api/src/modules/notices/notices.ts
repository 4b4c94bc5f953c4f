import { randomBytes } from 'node:crypto';
import type { ActionContext } from '../../action';
import { command, findById, findMany, findPage, removeWhere, setById, type Page } from '../../db';
import { fail } from '../../errors';
import { writeAudit } from '../../shared/audit';
import { checkOwnUpload, temporaryUrls } from '../../shared/files';
import { CORE_COLLECTIONS } from '../../shared/collections';
import { getOrg } from '../../shared/orgs';
import type { MemberRecord, OrgRecord } from '../../shared/records';
import { assertCoversOrg, coversOrg, orgScopes } from '../../shared/scope';
import { NOTICES_COLLECTIONS as C } from './collections';
import type { NoticeAudience, NoticeRecord } from './records';
import type { NoticesSaveInput } from './schemas';
import type { NoticeSummary, NoticeView } from './views';

const PAGE = 10;

function excerpt(body: string): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  return Array.from(flat).length > 60 ? `${Array.from(flat).slice(0, 60).join('')}…` : flat;
}

async function summaries(rows: NoticeRecord[]): Promise<NoticeSummary[]> {
  const urls = await temporaryUrls(rows.flatMap((r) => (r.coverFileId ? [r.coverFileId] : [])));
  let next = 0;
  return rows.map((r) => ({
    _id: r._id,
    title: r.title,
    date: r.date,
    orgName: r.orgName,
    audience: r.audience ?? 'all',
    excerpt: excerpt(r.body),
    ...(r.coverFileId ? { coverUrl: urls[next++] } : {}),
  }));
}

/**
 * Whose staff-only and subtree notices the caller reads: notices published by a union on the path of their
 * membership (subtree) or of one of their staff scopes (subtree and staff), and every notice of a union their
 * staff scope covers. Administrators read everything (null). Two reads at most, only for callers with a role or
 * a membership.
 */
interface Readership {
  memberPath: string[];
  staffPaths: string[];
  staffScopes: string[];
}

async function readershipOf(ctx: ActionContext): Promise<Readership | null> {
  if (ctx.isAdmin) return null;
  const staffScopes = orgScopes(ctx) ?? [];
  const _ = command();
  const [member, scopeOrgs] = await Promise.all([
    findById<MemberRecord>(CORE_COLLECTIONS.members, ctx.openid),
    staffScopes.length ? findMany<OrgRecord>(CORE_COLLECTIONS.orgs, { _id: _.in(staffScopes) }, { limit: 100 }) : [],
  ]);
  const memberPath = member && member.status === 'active' ? member.orgPath : [];
  return { memberPath, staffPaths: [...new Set(scopeOrgs.flatMap((o) => o.path))], staffScopes };
}

/** May this reader see a notice for this audience, published by this union? */
function reads(r: Readership | null, audience: NoticeAudience, orgId: string, orgPath: readonly string[]): boolean {
  if (!r || audience === 'all') return true;
  if (r.staffScopes.some((s) => orgPath.includes(s)) || r.staffPaths.includes(orgId)) return true;
  return audience === 'subtree' && r.memberPath.includes(orgId);
}

/** The same rule as a database filter. */
function readableWhere(r: Readership | null): Record<string, unknown> {
  if (!r) return {};
  const _ = command();
  const anyOf: Record<string, unknown>[] = [{ audience: _.exists(false) }, { audience: 'all' }];
  if (r.staffScopes.length) anyOf.push({ orgPath: _.in(r.staffScopes) });
  if (r.staffPaths.length) anyOf.push({ orgId: _.in(r.staffPaths) });
  if (r.memberPath.length) anyOf.push({ audience: 'subtree', orgId: _.in(r.memberPath) });
  return _.or(anyOf) as unknown as Record<string, unknown>;
}

/** 工会动态, newest first, as far as the caller may read them; `mine` = the notices a staffer may edit (their subtree). */
export async function listNotices(
  page: number | undefined,
  mine: boolean | undefined,
  ctx: ActionContext,
): Promise<Page<NoticeSummary>> {
  let where: Record<string, unknown>;
  if (mine) {
    const scopes = orgScopes(ctx);
    if (scopes !== null && !ctx.grants.some((g) => g.role === 'staff')) throw fail('FORBIDDEN');
    where = scopes !== null ? { orgPath: command().in(scopes) } : {};
  } else {
    where = readableWhere(await readershipOf(ctx));
  }
  const { rows, total } = await findPage<NoticeRecord>(
    C.notices,
    where,
    [
      ['date', 'desc'],
      ['createdAt', 'desc'],
    ],
    page,
    PAGE,
  );
  return { items: await summaries(rows), total };
}

export async function getNotice(noticeId: string, ctx: ActionContext): Promise<NoticeView> {
  const r = await findById<NoticeRecord>(C.notices, noticeId);
  if (!r || !reads(await readershipOf(ctx), r.audience ?? 'all', r.orgId, r.orgPath))
    throw fail('NOT_FOUND', '该动态不存在或已删除');
  const [summary] = await summaries([r]);
  const editable = ctx.isAdmin || (ctx.grants.some((g) => g.role === 'staff') && coversOrg(ctx, r.orgPath));
  return { ...summary, body: r.body, orgId: r.orgId, ...(r.coverFileId ? { coverFileId: r.coverFileId } : {}), editable };
}

export async function saveNotice(input: NoticesSaveInput, ctx: ActionContext): Promise<NoticeView> {
  const org = await getOrg(input.orgId);
  if (!org) throw fail('INVALID_INPUT', '所选工会不存在', { field: 'orgId' });
  assertCoversOrg(ctx, org.path);
  let existing: NoticeRecord | null = null;
  if (input.noticeId) {
    existing = await findById<NoticeRecord>(C.notices, input.noticeId);
    if (!existing) throw fail('NOT_FOUND', '该动态不存在或已删除');
    assertCoversOrg(ctx, existing.orgPath);
  }
  // A new cover must be the staffer's own upload; an unchanged one may be a colleague's.
  if (input.coverFileId && input.coverFileId !== existing?.coverFileId)
    checkOwnUpload(input.coverFileId, ctx.openid, 'coverFileId');
  const audience: NoticeAudience = input.audience ?? existing?.audience ?? 'all';
  const id = existing?._id ?? `N${ctx.now.getTime().toString(36)}${randomBytes(4).toString('hex')}`;
  const record: Omit<NoticeRecord, '_id'> = {
    title: input.title,
    date: input.date,
    body: input.body,
    ...(input.coverFileId ? { coverFileId: input.coverFileId } : {}),
    orgId: org._id,
    orgName: org.name,
    orgPath: org.path,
    audience,
    createdBy: existing?.createdBy ?? ctx.openid,
    createdAt: existing?.createdAt ?? ctx.now,
    updatedAt: ctx.now,
  };
  await setById(C.notices, id, record);
  await writeAudit({
    actor: ctx.openid,
    action: existing ? 'notices.edit' : 'notices.publish',
    target: id,
    summary: input.title,
    at: ctx.now,
    details: { orgId: org._id, audience },
  });
  return getNotice(id, ctx);
}

export async function removeNotice(noticeId: string, ctx: ActionContext): Promise<{ removed: true }> {
  const r = await findById<NoticeRecord>(C.notices, noticeId);
  if (!r) throw fail('NOT_FOUND', '该动态不存在或已删除');
  assertCoversOrg(ctx, r.orgPath);
  await removeWhere(C.notices, { _id: noticeId });
  await writeAudit({
    actor: ctx.openid,
    action: 'notices.remove',
    target: noticeId,
    summary: r.title,
    at: ctx.now,
    details: { orgId: r.orgId },
  });
  return { removed: true };
}
