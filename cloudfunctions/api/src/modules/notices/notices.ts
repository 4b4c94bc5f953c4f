import { randomBytes } from 'node:crypto';
import type { ActionContext } from '../../action';
import { command, findById, findPage, removeWhere, setById, type Page } from '../../db';
import { fail } from '../../errors';
import { writeAudit } from '../../shared/audit';
import { checkOwnUpload, temporaryUrls } from '../../shared/files';
import { getOrg } from '../../shared/orgs';
import { assertCoversOrg, coversOrg, orgScopes } from '../../shared/scope';
import { NOTICES_COLLECTIONS as C } from './collections';
import type { NoticeRecord } from './records';
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
    excerpt: excerpt(r.body),
    ...(r.coverFileId ? { coverUrl: urls[next++] } : {}),
  }));
}

/** 工会动态, newest first; `mine` = the notices a staffer may edit (their subtree). */
export async function listNotices(
  page: number | undefined,
  mine: boolean | undefined,
  ctx: ActionContext,
): Promise<Page<NoticeSummary>> {
  const where: Record<string, unknown> = {};
  if (mine) {
    const scopes = orgScopes(ctx);
    if (scopes !== null && !ctx.grants.some((g) => g.role === 'staff')) throw fail('FORBIDDEN');
    if (scopes !== null) where.orgPath = command().in(scopes);
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
  if (!r) throw fail('NOT_FOUND', '该动态不存在或已删除');
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
  const id = existing?._id ?? `N${ctx.now.getTime().toString(36)}${randomBytes(4).toString('hex')}`;
  const record: Omit<NoticeRecord, '_id'> = {
    title: input.title,
    date: input.date,
    body: input.body,
    ...(input.coverFileId ? { coverFileId: input.coverFileId } : {}),
    orgId: org._id,
    orgName: org.name,
    orgPath: org.path,
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
    details: { orgId: org._id },
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
