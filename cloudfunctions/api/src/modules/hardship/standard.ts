import type { ActionContext } from '../../action';
import { findById, setById } from '../../db';
import { writeAudit } from '../../shared/audit';
import { HARDSHIP_COLLECTIONS as C } from './collections';
import type { HardshipSaveStandardInput } from './schemas';
import { DEFAULT_STANDARD, HARDSHIP_CAUSE_LABELS, qualifyingLine, type HardshipStandard } from '../../rules/hardship';

export interface StandardView extends HardshipStandard {
  /** Income per head at most this qualifies (line × factor). */
  qualifyingLine: number;
  /** What the form shows before the member starts. */
  explanation: string;
  causes: Array<{ value: string; label: string }>;
}

export async function loadStandard(): Promise<HardshipStandard> {
  const stored = await findById<HardshipStandard & { _id: string }>(C.standard, 'current');
  if (!stored) return DEFAULT_STANDARD;
  return {
    incomeLine: stored.incomeLine,
    factor: stored.factor,
    recheckNoticeDays: stored.recheckNoticeDays,
    publicityDays: stored.publicityDays ?? DEFAULT_STANDARD.publicityDays,
  };
}

export function toStandardView(s: HardshipStandard): StandardView {
  const line = qualifyingLine(s);
  return {
    ...s,
    qualifyingLine: line,
    explanation:
      `家庭月人均收入（扣除医疗等刚性支出后）不高于 ${line} 元（当地低保标准 ${s.incomeLine} 元的 ${s.factor} 倍）的会员家庭可以申请。` +
      '请准备：家庭成员及收入情况、致困原因的证明（如医疗费用票据、诊断证明、残疾证）。' +
      '提交后由所在基层工会入户调查，再由区（县）总工会认定，每一步都会通知您。' +
      `认定后将以隐去姓名的方式公示 ${s.publicityDays} 天，公示无异议后发放帮扶资金。`,
    causes: Object.entries(HARDSHIP_CAUSE_LABELS).map(([value, label]) => ({ value, label })),
  };
}

export async function getStandard(): Promise<StandardView> {
  return toStandardView(await loadStandard());
}

export async function saveStandard(input: HardshipSaveStandardInput, ctx: ActionContext): Promise<StandardView> {
  const next: HardshipStandard = {
    incomeLine: input.incomeLine,
    factor: input.factor,
    recheckNoticeDays: input.recheckNoticeDays,
    publicityDays: input.publicityDays ?? (await loadStandard()).publicityDays,
  };
  await setById(C.standard, 'current', { ...next, updatedAt: ctx.now, updatedBy: ctx.openid });
  await writeAudit({
    actor: ctx.openid,
    action: 'hardship.saveStandard',
    target: 'current',
    summary: `低保标准 ${next.incomeLine} 元 × ${next.factor}`,
    at: ctx.now,
    details: { incomeLine: next.incomeLine, factor: next.factor, publicityDays: next.publicityDays },
  });
  return toStandardView(next);
}
