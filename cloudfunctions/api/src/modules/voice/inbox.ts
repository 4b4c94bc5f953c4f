/**
 * 消息与待办 of 职工建言: an answer from the union in the last 30 days (a reply, a decline with its reason, the
 * closing — adopted or not — and a recognition). Informational: it leaves the list when the member opens it; a
 * later step makes a new item (the key carries the step's number).
 */
import type { ActionContext, InboxDeclaration, InboxItem } from '../../action';
import { command, findMany } from '../../db';
import { toIso } from '../../lib/time';
import { VOICE_COLLECTIONS as C } from './collections';
import type { VoiceReportRecord } from './records';

const INFO_DAYS = 30;
const ANSWERED = ['replied', 'declined', 'closed'];

async function answers(openid: string, ctx: ActionContext): Promise<InboxItem[]> {
  const since = new Date(ctx.now.getTime() - INFO_DAYS * 86400_000);
  const rows = await findMany<VoiceReportRecord>(
    C.reports,
    { openid, status: command().in(ANSWERED), updatedAt: command().gte(since) },
    { orderBy: [['updatedAt', 'desc']], limit: 10 },
  );
  return rows.map((r) => {
    const last = r.steps[r.steps.length - 1];
    return {
      key: `voice:${r._id}:${r.steps.length}`,
      kind: 'info' as const,
      label: '职工建言',
      title: `「${r.title}」${r.recognition ? '被评为优秀合理化建议' : r.status === 'replied' ? '有新答复' : r.status === 'declined' ? '不予受理' : '已办结'}`,
      ...(last ? { note: last.text } : {}),
      at: new Date(toIso(r.updatedAt)),
      route: 'voiceDetail',
      params: { id: r._id },
    };
  });
}

export const voiceInbox: InboxDeclaration = { sources: { voice: answers } };
