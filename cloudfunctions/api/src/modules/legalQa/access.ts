/**
 * Who sees a question: the member who asked, the duty lawyers of its station, and staff of the union running the
 * station (or above) — the reviewing union. Everyone else gets NOT_FOUND (ids are random: existence leaks nothing).
 */
import type { ActionContext } from '../../action';
import { findById } from '../../db';
import { fail } from '../../errors';
import { coversOrg } from '../../shared/scope';
import { stationsOf } from '../legalAid/access';
import { LEGAL_QA_COLLECTIONS as C } from './collections';
import type { QuestionRecord } from './records';

export type Viewer = 'member' | 'lawyer' | 'staff';

export function viewerOf(q: QuestionRecord, ctx: ActionContext): Viewer | null {
  if (q.openid === ctx.openid) return 'member';
  if (stationsOf(ctx).includes(q.stationId)) return 'lawyer';
  if ((ctx.isAdmin || ctx.grants.some((g) => g.role === 'staff')) && coversOrg(ctx, q.orgPath)) return 'staff';
  return null;
}

export async function loadQuestion(questionId: string, ctx: ActionContext): Promise<{ q: QuestionRecord; viewer: Viewer }> {
  const q = await findById<QuestionRecord>(C.questions, questionId);
  const viewer = q ? viewerOf(q, ctx) : null;
  if (!q || !viewer) throw fail('NOT_FOUND', '咨询不存在或您无权查看');
  return { q, viewer };
}
