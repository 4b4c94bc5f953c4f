import { ORG_KIND_LABELS, parentKindProblem } from '@rules/orgKinds';
import type { InputOf, Org } from '../../../api/types';

export type Kind = InputOf<'org.create'>['kind'];

/** The editor's kind picker, most used first. */
const KIND_ORDER: Kind[] = ['grassroots', 'street', 'district', 'industry', 'city'];
export const KIND_LABEL: Record<Kind, string> = ORG_KIND_LABELS;

/** The kinds a new union under `parent` may have (a 街道/乡镇工会 only under a 区/县总工会 or the city), with labels. */
export function kindsUnder(parent: Org | null): Array<[Kind, string]> {
  return KIND_ORDER.filter((k) => !parent || !parentKindProblem(k, parent.kind)).map((k) => [k, KIND_LABEL[k]]);
}

export type Dialog =
  | { mode: 'create'; parent: Org | null }
  | { mode: 'rename'; org: Org }
  | { mode: 'move'; org: Org; parent: Org | null }
  | { mode: 'close'; org: Org; target: Org | null }
  | { mode: 'merge'; org: Org; target: Org | null };

/** Repeats a paged action (a move, a close, an import) until the server says it is done. */
export async function untilDone<T extends { done: boolean }>(step: () => Promise<T>): Promise<T> {
  for (let i = 0; ; i += 1) {
    const r = await step();
    if (r.done || i >= 50) return r;
  }
}

/** What a close or merge moved over all its calls (each answer counts only its own call's moves). */
export interface MovedCounts {
  members: number;
  records: number;
}

export async function untilClosed<T extends { done: boolean; movedMembers: number; movedRecords: number }>(
  step: () => Promise<T>,
): Promise<T & { moved: MovedCounts }> {
  const moved: MovedCounts = { members: 0, records: 0 };
  const last = await untilDone(async () => {
    const r = await step();
    moved.members += r.movedMembers;
    moved.records += r.movedRecords;
    return r;
  });
  return { ...last, moved };
}

/** 转会 3 人，其他业务待办 2 件随转 (the second part only when some moved). */
export function movedText(moved: MovedCounts): string {
  return `转会 ${moved.members} 人${moved.records ? `，其他业务待办 ${moved.records} 件随转` : ''}`;
}

/** The tree as indented rows, limited to the staffer's scope (`within`; null = all of it). */
export function treeRows(orgs: Org[], within: string[] | null): Array<{ org: Org; depth: number }> {
  const children = new Map<string | null, Org[]>();
  for (const o of orgs) children.set(o.parentId, [...(children.get(o.parentId) ?? []), o]);
  const inScope = (o: Org) => !within || o.path.some((id) => within.includes(id));
  const out: Array<{ org: Org; depth: number }> = [];
  const walk = (parentId: string | null, depth: number) => {
    for (const o of children.get(parentId) ?? []) {
      const shown = inScope(o);
      if (shown) out.push({ org: o, depth });
      walk(o._id, shown ? depth + 1 : depth);
    }
  };
  walk(null, 0);
  return out;
}
