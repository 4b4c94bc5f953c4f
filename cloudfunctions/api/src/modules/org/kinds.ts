/** The kinds of union as staff write them in Excel (the 类型 column); the labels are the rules' (rules/orgKinds.ts). */
import type { OrgKind } from '../../rules/orgKinds';

/** Words accepted in the 类型 column, for each kind (spaces ignored). */
const KIND_WORDS: Record<OrgKind, string[]> = {
  city: ['市总工会', '市级', '总工会'],
  // 区县/街道工会 is the label files exported before 街道/乡镇 was a kind of its own carry: those unions are 区/县.
  district: ['区/县总工会', '区县总工会', '区总工会', '县总工会', '区县', '区县/街道工会'],
  street: ['街道/乡镇工会', '街道工会', '乡镇工会', '街道/乡镇', '街道', '乡镇', '街道总工会', '乡镇总工会', '镇总工会'],
  industry: ['行业工会联合会', '行业工会', '行业'],
  grassroots: ['基层工会', '基层'],
};

export function kindOf(word: string): OrgKind | null {
  const w = word.replace(/\s+/g, '');
  for (const [kind, words] of Object.entries(KIND_WORDS) as [OrgKind, string[]][]) if (words.includes(w)) return kind;
  return null;
}

export const KIND_HINT = '基层工会、街道/乡镇工会、区/县总工会、行业工会联合会、市总工会';
