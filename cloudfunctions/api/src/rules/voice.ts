/**
 * The vocabulary and the pure rules of 职工建言 (隐患随手拍 and 合理化建议), shared by the function and the app:
 * which step may follow which, the text forwarded to the employer (never the reporter's identity when
 * anonymous) and the 安康杯 tallies per unit and month.
 */
export const VOICE_KINDS = ['hazard', 'suggestion'] as const;
export type VoiceKind = (typeof VOICE_KINDS)[number];
export const VOICE_KIND_LABELS: Record<VoiceKind, string> = { hazard: '隐患随手拍', suggestion: '合理化建议' };

export const URGENCIES = ['normal', 'urgent', 'critical'] as const;
export type Urgency = (typeof URGENCIES)[number];
export const URGENCY_LABELS: Record<Urgency, string> = { normal: '一般', urgent: '较急', critical: '紧急' };

/**
 * 待受理 → 已受理 → 已转交单位 → 已答复 → 已办结; staff may decline (不予受理) what is not accepted yet and the member may
 * withdraw until it is accepted. Replies may repeat until the report is closed.
 */
export const VOICE_STATUSES = ['submitted', 'accepted', 'forwarded', 'replied', 'closed', 'declined', 'withdrawn'] as const;
export type VoiceStatus = (typeof VOICE_STATUSES)[number];
export const VOICE_STATUS_LABELS: Record<VoiceStatus, string> = {
  submitted: '待受理',
  accepted: '已受理',
  forwarded: '已转交单位',
  replied: '已答复',
  closed: '已办结',
  declined: '不予受理',
  withdrawn: '已撤回',
};

/** States in which the union still has to act (the 工作台 count). */
export const OPEN_VOICE_STATUSES: readonly VoiceStatus[] = ['submitted', 'accepted', 'forwarded'];
/** States a step may start from. */
export const STEP_FROM = {
  accept: ['submitted'],
  decline: ['submitted'],
  withdraw: ['submitted'],
  forward: ['accepted', 'forwarded', 'replied'],
  reply: ['accepted', 'forwarded', 'replied'],
  close: ['accepted', 'forwarded', 'replied'],
} as const satisfies Record<string, readonly VoiceStatus[]>;
export type VoiceStep = keyof typeof STEP_FROM;

export function canStep(step: VoiceStep, status: VoiceStatus): boolean {
  return (STEP_FROM[step] as readonly VoiceStatus[]).includes(status);
}

/** YYYY-MM of `now` in China time: the month a report is counted in. */
export function chinaMonth(now: Date): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 7);
}

export interface ForwardSource {
  kind: VoiceKind;
  anonymous: boolean;
  name: string;
  orgName: string;
  submittedAt: Date;
  hazard?: { description: string; place: string; urgency: Urgency; photoCount: number };
  suggestion?: { title: string; problem: string; proposal: string; benefit: string };
}

/** Text without its closing punctuation, so that the composed text does not read 「。，」. */
const sentence = (text: string) => text.replace(/[。．.！!；;，,\s]+$/u, '');

/**
 * What the union sends to the employer. The reporter is named only when they chose to be; anonymous reports say
 * 职工匿名反映 and carry nothing else of the person (the staff member's own note is checked separately).
 */
export function forwardText(r: ForwardSource): string {
  const day = new Date(r.submittedAt.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  const who = r.anonymous ? '职工匿名反映' : `职工${r.name}（${r.orgName}）反映`;
  if (r.kind === 'hazard' && r.hazard) {
    const h = r.hazard;
    const photos = h.photoCount ? `，附现场照片${h.photoCount}张` : '';
    return `【安全隐患·${URGENCY_LABELS[h.urgency]}】${who}（${day}）：地点：${sentence(h.place)}。情况：${sentence(h.description)}${photos}。请贵单位核实整改并告知工会整改情况。`;
  }
  const s = r.suggestion;
  if (!s) return '';
  return `【合理化建议】${who}（${day}）：「${s.title}」。存在问题：${s.problem} 建议：${s.proposal} 预期效益：${s.benefit} 请贵单位研究并告知工会采纳情况。`;
}

/** Letters and digits only, lower case: 「王 建·军」 and 「czt-0001」 read as 王建军 and czt0001. */
const bare = (s: string) => s.replace(/[^\p{L}\p{N}]/gu, '').toLowerCase();

/**
 * True when `text` carries any of the reporter's identifiers (name, given name, card number), also when spaced
 * or punctuated apart or in another case.
 */
export function mentionsIdentity(text: string, ids: readonly string[]): boolean {
  const t = bare(text);
  return ids.some((id) => bare(id).length >= 2 && t.includes(bare(id)));
}

/** The identifiers a note to the employer may not carry for an anonymous reporter: the given name too (王建军 → 建军). */
export function identifiersOf(r: { name: string; cardNo: string; openid: string }): string[] {
  return [r.name, ...(r.name.length >= 3 ? [r.name.slice(1)] : []), r.cardNo, r.openid];
}

export interface TallySource {
  orgId: string;
  orgName: string;
  kind: VoiceKind;
  status: VoiceStatus;
  urgency?: Urgency;
  adopted?: boolean;
  recognised?: boolean;
}

/** One unit's 安康杯 tally for one month. */
export interface VoiceTallyRow {
  orgId: string;
  orgName: string;
  hazards: number;
  hazardsNormal: number;
  hazardsUrgent: number;
  hazardsCritical: number;
  /** Hazards still with the union or the employer (待受理, 已受理, 已转交单位, 已答复). */
  hazardsOpen: number;
  /** Hazards closed (已办结). */
  hazardsClosed: number;
  hazardsDeclined: number;
  suggestions: number;
  suggestionsAdopted: number;
  suggestionsRecognised: number;
}

/** Every count of a unit's row (and of the total), at nought. */
export function zeroCounts(): Omit<VoiceTallyRow, 'orgId' | 'orgName'> {
  return {
    hazards: 0,
    hazardsNormal: 0,
    hazardsUrgent: 0,
    hazardsCritical: 0,
    hazardsOpen: 0,
    hazardsClosed: 0,
    hazardsDeclined: 0,
    suggestions: 0,
    suggestionsAdopted: 0,
    suggestionsRecognised: 0,
  };
}

/** Counts per unit; withdrawn reports are not counted. Sorted by unit name. */
export function tallyByUnit(reports: readonly TallySource[]): VoiceTallyRow[] {
  const rows = new Map<string, VoiceTallyRow>();
  for (const r of reports) {
    if (r.status === 'withdrawn') continue;
    let row = rows.get(r.orgId);
    if (!row) {
      row = { orgId: r.orgId, orgName: r.orgName, ...zeroCounts() };
      rows.set(r.orgId, row);
    }
    if (r.kind === 'hazard') {
      row.hazards += 1;
      if (r.urgency === 'critical') row.hazardsCritical += 1;
      else if (r.urgency === 'urgent') row.hazardsUrgent += 1;
      else row.hazardsNormal += 1;
      if (r.status === 'closed') row.hazardsClosed += 1;
      else if (r.status === 'declined') row.hazardsDeclined += 1;
      else row.hazardsOpen += 1;
    } else {
      row.suggestions += 1;
      if (r.adopted) row.suggestionsAdopted += 1;
      if (r.recognised) row.suggestionsRecognised += 1;
    }
  }
  return [...rows.values()].sort((a, b) => a.orgName.localeCompare(b.orgName, 'zh-CN'));
}
