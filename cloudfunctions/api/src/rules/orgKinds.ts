/**
 * The kinds of union and what follows from a kind, written once for the function, the deploy and the app (pure).
 * 市总工会 → 区/县总工会 and 行业工会联合会 → 街道/乡镇工会 → 基层工会; stored `district` records from before
 * 街道/乡镇 was a kind of its own are 区/县总工会.
 */
export const ORG_KINDS = ['city', 'district', 'street', 'industry', 'grassroots'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

export const ORG_KIND_LABELS: Record<OrgKind, string> = {
  city: '市总工会',
  district: '区/县总工会',
  street: '街道/乡镇工会',
  industry: '行业工会联合会',
  grassroots: '基层工会',
};

/** The kinds a union of each kind may sit under; null: any. A 基层工会 sits under any union. */
const PARENT_KINDS: Record<OrgKind, readonly OrgKind[] | null> = {
  city: null,
  district: null,
  street: ['district', 'city'],
  industry: null,
  grassroots: null,
};

/** Null when a union of kind `child` may sit under one of kind `parent`, else why not (Chinese, for the user). */
export function parentKindProblem(child: OrgKind, parent: OrgKind): string | null {
  const allowed = PARENT_KINDS[child];
  if (!allowed || allowed.includes(parent)) return null;
  return `${ORG_KIND_LABELS[child]}的上级应为${allowed.map((k) => ORG_KIND_LABELS[k]).join('或')}，不能设在${ORG_KIND_LABELS[parent]}之下`;
}

/**
 * Whether a worker may join a union of this kind through their employer (单位职工): their unit's 基层工会, or —
 * when the unit has no union of its own — the 街道/乡镇工会 where it is (the ACFTU's 入会 route for 未建会单位).
 */
export function takesEmployeesDirectly(kind: OrgKind): boolean {
  return kind === 'grassroots' || kind === 'street';
}

/**
 * Whether staff of a union of this kind run the programmes a 区/县 or the city runs (金秋助学 windows, 医疗互助
 * plans, 困难职工 认定 and 公示). Staff of a 基层工会 or a 街道/乡镇工会 take part (visits, checks, their members'
 * applications) but do not run them.
 */
export function runsDistrictProgrammes(kind: OrgKind): boolean {
  return kind === 'city' || kind === 'district' || kind === 'industry';
}
