import { Text, View } from '@tarojs/components';
import type { MemberGroup } from '@rules/campaigns';
import { Button } from '../../../components/Button';
import { Choices } from '../../../components/Choices';

const GROUPS: Array<{ key: MemberGroup; label: string }> = [
  { key: 'outdoor', label: '户外劳动者' },
  { key: 'newEmployment', label: '新就业形态劳动者' },
];

/**
 * 生成发放名单 (an open campaign, staff who manage it): from the 困难职工档案, or from the union's members in the
 * chosen groups. Test ids: `campaigns-add-hardship`, `campaigns-group-<key>`, `campaigns-add-members`, `campaigns-added`.
 */
export function BuildList({
  orgName,
  groups,
  added,
  busy,
  onGroups,
  onAddHardship,
  onAddMembers,
}: {
  orgName: string;
  groups: MemberGroup[];
  added: string | null;
  busy: boolean;
  onGroups: (groups: MemberGroup[]) => void;
  onAddHardship: () => void;
  onAddMembers: () => void;
}) {
  return (
    <View className='cp-card'>
      <Text className='cp-title'>生成发放名单</Text>
      <Text className='muted'>名单从档案和会员信息中生成，无需会员申请；重复生成不会重复列入。</Text>
      <View className='cp-actions'>
        <Button small testId='campaigns-add-hardship' loading={busy} onClick={onAddHardship}>
          加入在档困难职工
        </Button>
      </View>
      <Choices options={GROUPS} value={groups} multiple testId='campaigns-group' onChange={onGroups} />
      <Button small kind='plain' testId='campaigns-add-members' disabled={!groups.length} loading={busy} onClick={onAddMembers}>
        加入{orgName}所选人群
      </Button>
      {added && (
        <Text className='cp-ok' data-testid='campaigns-added'>
          ✓ {added}
        </Text>
      )}
    </View>
  );
}
