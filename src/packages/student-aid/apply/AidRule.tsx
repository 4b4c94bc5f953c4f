import { Text, View } from '@tarojs/components';
import type { OutputOf } from '../../../api/types';

type AidWindow = OutputOf<'studentAid.mine'>['windows'][number];

/**
 * The window's rule and amounts, and whether the family's 困难职工档案 stands in for the income questions.
 * Test ids: `student-aid-rule`, `student-aid-file-basis`.
 */
export function AidRule({ w, hardshipFile }: { w: AidWindow; hardshipFile: { levelText: string } | null }) {
  return (
    <View className='sa-card' data-testid='student-aid-rule'>
      <Text className='sa-title'>{w.title}</Text>
      <Text className='muted'>
        申请条件：{w.ruleText}。资助标准：本科 {w.amounts.university} 元、大专 {w.amounts.college} 元、高中（中职）
        {w.amounts.highSchool} 元（不超过学费），每名学生每学年限资助一次。申请截止 {w.closesOn}。
      </Text>
      {hardshipFile && (
        <Text className='muted' data-testid='student-aid-file-basis'>
          您的家庭已在困难职工档案中（{hardshipFile.levelText}），无需填写收入。
        </Text>
      )}
    </View>
  );
}
