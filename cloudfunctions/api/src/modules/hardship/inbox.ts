/**
 * 消息与待办 of 困难帮扶, derived from two documents keyed by the member, read in one request (the lock with the
 * file joined): the lock (`hardship_locks/<openid>`, written by every application, which keeps the district's
 * last decision until the member applies again) and the file (`hardship_files/<openid>`: its 公示, the last help
 * recorded, the yearly re-check, its closing).
 *
 *   decision   认定 / 不予认定 (with the reason)                       info   opened
 *   publicity  您的家庭已列入困难职工公示 (until the 公示 ends)            info   opened, or the 公示 over
 *   help       工会已为您登记资金救助 2000 元                            info   opened
 *   recheck    年度复核将到期 (due = the re-check date)                  todo   renewed, closed or lapsed
 *   closed     档案已办结 (解困脱困 or an upheld 公示 objection)          info   opened
 */
import type { ActionContext, InboxDeclaration, InboxItem } from '../../action';
import { findByIdJoined } from '../../db';
import { toIso } from '../../lib/time';
import { chinaMonthDay } from '../../shared/publicity';
import { HARDSHIP_LEVEL_LABELS, HELP_KIND_LABELS, type HardshipLevel } from '../../rules/hardship';
import { HARDSHIP_COLLECTIONS as C } from './collections';
import type { HardshipFileRecord } from './records';
import type { StoredDate } from '../../shared/records';

const DAY_MS = 86400_000;
/** Informational items stay this long (as the other areas' do). */
const INFO_DAYS = 30;
/** The member hears of the yearly re-check this long before it is due. */
const RECHECK_NOTICE_DAYS = 30;
const LABEL = '困难帮扶';

interface LockDoc {
  [key: string]: unknown;
  files?: HardshipFileRecord[];
  lastDecision?: { caseId: string; status: 'approved' | 'rejected'; reason: string; at: StoredDate };
}

const asDate = (d: StoredDate) => new Date(toIso(d));

async function hardshipItems(openid: string, ctx: ActionContext): Promise<InboxItem[]> {
  const lock = await findByIdJoined<LockDoc>(C.locks, openid, [
    { from: C.files, localField: '_id', foreignField: '_id', as: 'files' },
  ]);
  const file = lock?.files?.[0] ?? null;
  const now = ctx.now.getTime();
  const recent = (d: Date) => now - d.getTime() <= INFO_DAYS * DAY_MS;
  const items: InboxItem[] = [];
  const mine = { route: 'hardshipMine', params: {} };
  const decision = lock?.lastDecision;
  if (decision && recent(asDate(decision.at))) {
    const approved = decision.status === 'approved';
    items.push({
      key: `hardshipDecision:${decision.caseId}`,
      kind: 'info',
      label: LABEL,
      title: approved ? '困难帮扶申请已认定，建立困难职工档案' : '困难帮扶申请未予认定',
      ...(approved
        ? file?.level
          ? { note: HARDSHIP_LEVEL_LABELS[file.level as HardshipLevel] }
          : {}
        : { note: `原因：${decision.reason}` }),
      at: asDate(decision.at),
      ...mine,
    });
  }
  if (!file) return items;
  if (file.status === 'active' && file.publicityId && file.publicityUntil && asDate(file.publicityUntil).getTime() > now) {
    items.push({
      key: `hardshipPublicity:${file.publicityId}`,
      kind: 'info',
      label: LABEL,
      title: '您的家庭已列入困难职工公示',
      note: `公示至${chinaMonthDay(asDate(file.publicityUntil))}（姓名已隐去），公示结束后发放帮扶资金`,
      at: asDate(file.since),
      route: 'hardshipPublicity',
      params: { id: file.publicityId },
    });
  }
  if (file.lastHelp && recent(asDate(file.lastHelp.at))) {
    const h = file.lastHelp;
    items.push({
      key: `hardshipHelp:${h.helpId}`,
      kind: 'info',
      label: LABEL,
      title: `工会已为您登记${HELP_KIND_LABELS[h.kind]}${h.kind === 'visit' ? '' : ` ${h.amountFen / 100} 元`}`,
      at: asDate(h.at),
      ...mine,
    });
  }
  const due = asDate(file.recheckDue);
  if (file.status === 'active' && due.getTime() - now <= RECHECK_NOTICE_DAYS * DAY_MS) {
    items.push({
      key: `hardshipRecheck:${toIso(file.recheckDue)}`,
      kind: 'todo',
      label: LABEL,
      title: '困难职工档案年度复核将到期',
      note: `请在${chinaMonthDay(due)}前配合所在工会完成复核，逾期档案将暂停`,
      at: new Date(due.getTime() - RECHECK_NOTICE_DAYS * DAY_MS),
      dueAt: due,
      ...mine,
    });
  }
  if (file.status === 'closed' && file.closedAt && recent(asDate(file.closedAt))) {
    items.push({
      key: `hardshipClosed:${toIso(file.closedAt)}`,
      kind: 'info',
      label: LABEL,
      title: '困难职工档案已办结',
      ...(file.closedReason ? { note: file.closedReason } : {}),
      at: asDate(file.closedAt),
      ...mine,
    });
  }
  return items;
}

export const hardshipInbox: InboxDeclaration = { sources: { hardship: hardshipItems } };
