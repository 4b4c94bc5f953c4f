import { Text, View } from '@tarojs/components';
import { Button } from '../../../components/Button';
import { Field } from '../../../components/Field';

export interface MemberDraft {
  relation: string;
  name: string;
  age: string;
  income: string;
  situation: string;
}

export const EMPTY_MEMBER: MemberDraft = { relation: '', name: '', age: '', income: '0', situation: '' };

/** 家庭成员: the applicant first, then everyone living on the household's income. Test ids `hardship-member-<i>-<field>`. */
export function Household(props: { rows: MemberDraft[]; error?: string; onChange: (rows: MemberDraft[]) => void }) {
  const { rows, error, onChange } = props;
  const set = (i: number, patch: Partial<MemberDraft>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const fields: Array<[keyof MemberDraft, string, string, 'text' | 'number']> = [
    ['relation', '关系', '如：本人、配偶、子女', 'text'],
    ['name', '姓名', '请填写姓名', 'text'],
    ['age', '年龄', '周岁', 'number'],
    ['income', '月收入（元）', '没有收入填0', 'number'],
    ['situation', '情况', '如：在读、患病、无业（选填）', 'text'],
  ];
  return (
    <View className='hs-card'>
      <Text className='hs-title'>家庭成员</Text>
      {rows.map((row, i) => (
        <View key={i} className='hs-member-row' data-testid={`hardship-member-${i}`}>
          {fields.map(([key, label, placeholder, type]) => (
            <Field
              key={key}
              label={label}
              name={`hs-${key}`}
              testId={`hardship-member-${i}-${key}`}
              type={type}
              value={row[key]}
              placeholder={placeholder}
              onInput={(v) => set(i, { [key]: v })}
            />
          ))}
          {i > 0 && (
            <Button kind='plain' testId={`hardship-member-${i}-remove`} onClick={() => onChange(rows.filter((_, j) => j !== i))}>
              删除此成员
            </Button>
          )}
        </View>
      ))}
      {error && <Text className='field-error'>{error}</Text>}
      {rows.length < 12 && (
        <Button kind='plain' testId='hardship-member-add' onClick={() => onChange([...rows, { ...EMPTY_MEMBER }])}>
          ＋ 添加家庭成员
        </Button>
      )}
    </View>
  );
}
