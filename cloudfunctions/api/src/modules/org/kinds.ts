/** The kinds of union as staff write them in Excel and see them in lists. */
import type { OrgKind } from '../../rules/membership';

export const ORG_KIND_LABELS: Record<OrgKind, string> = {
  city: '市总工会',
  district: '区县/街道工会',
  industry: '行业工会联合会',
  grassroots: '基层工会',
};

/** Words accepted in the 类型 column, for each kind. */
const KIND_WORDS: Record<OrgKind, string[]> = {
  city: ['市总工会', '市级', '总工会'],
  district: [
    '区县/街道工会',
    '区县总工会',
    '区/县总工会',
    '区总工会',
    '县总工会',
    '街道工会',
    '乡镇工会',
    '街道/乡镇',
    '区县',
    '街道',
    '乡镇',
  ],
  industry: ['行业工会联合会', '行业工会', '行业'],
  grassroots: ['基层工会', '基层'],
};

export function kindOf(word: string): OrgKind | null {
  const w = word.replace(/\s+/g, '');
  for (const [kind, words] of Object.entries(KIND_WORDS) as [OrgKind, string[]][]) if (words.includes(w)) return kind;
  return null;
}

export const KIND_HINT = '基层工会、区县/街道工会、行业工会联合会、市总工会';
