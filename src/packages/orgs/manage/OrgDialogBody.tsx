import { Input, Text, View } from '@tarojs/components';
import type { ActionState } from '../../../hooks/useAction';
import { kindsUnder } from './kinds';
import type { OrgDialogState } from './useOrgDialog';

/** What the dialog asks for: a name (and kind) to create or rename, a new parent to move, a receiving union to merge or close. */
export function OrgDialogBody({ d, action }: { d: OrgDialogState; action: ActionState }) {
  const { dialog } = d;
  if (!dialog) return null;
  if (dialog.mode === 'move')
    return (
      <View>
        <Text>把「{dialog.org.name}」连同其下级工会移到：</Text>
        <View className='m-picker' data-testid='org-dialog-parent' onClick={() => d.setPicking('parent')}>
          {dialog.parent?.name ?? '选择新的上级工会'} ▾
        </View>
        {action.fieldErrors.parentId && <Text className='m-error'>{action.fieldErrors.parentId}</Text>}
      </View>
    );
  if (dialog.mode === 'merge')
    return (
      <View>
        <Text>
          「{dialog.org.name}
          」并入另一个工会：其会员（保留历史记录）、待审核申请和转入申请都转到并入的工会，原工会标为已撤销。并入：
        </Text>
        <View className='m-picker' data-testid='org-dialog-target' onClick={() => d.setPicking('target')}>
          {dialog.target?.name ?? '选择并入的工会'} ▾
        </View>
        {action.fieldErrors.targetOrgId && <Text className='m-error'>{action.fieldErrors.targetOrgId}</Text>}
      </View>
    );
  if (dialog.mode === 'close')
    return (
      <View>
        <Text>撤销后「{dialog.org.name}」不再接收入会申请，会员的历史记录保留。其会员、待审核申请和转入申请转到：</Text>
        <View className='m-picker' data-testid='org-dialog-target' onClick={() => d.setPicking('target')}>
          {dialog.target?.name ?? '选择接收会员的工会（没有会员时可不选）'} ▾
        </View>
        {action.fieldErrors.targetOrgId && <Text className='m-error'>{action.fieldErrors.targetOrgId}</Text>}
      </View>
    );
  return (
    <View>
      {dialog.mode === 'create' && <Text className='muted'>上级：{dialog.parent?.name ?? '（根工会）'}</Text>}
      {dialog.mode === 'create' && action.fieldErrors.parentId && <Text className='m-error'>{action.fieldErrors.parentId}</Text>}
      <Input
        className='org-input'
        data-testid='org-dialog-name'
        value={d.name}
        placeholder='工会名称'
        maxlength={40}
        onInput={(e) => {
          d.setName(e.detail.value);
          action.clearField('name');
        }}
      />
      {action.fieldErrors.name && <Text className='m-error'>{action.fieldErrors.name}</Text>}
      {dialog.mode === 'create' && (
        <View>
          <View className='org-kinds'>
            {kindsUnder(dialog.parent).map(([k, label]) => (
              <Text
                key={k}
                className={`org-chip ${d.kind === k ? 'org-chip-on' : ''}`}
                data-testid={`org-kind-${k}`}
                onClick={() => {
                  d.setKind(k);
                  action.clearField('parentId');
                }}
              >
                {label}
              </Text>
            ))}
          </View>
          <Text
            className={`org-chip ${d.newEmployment ? 'org-chip-on' : ''}`}
            data-testid='org-dialog-new-employment'
            onClick={() => d.setNewEmployment(!d.newEmployment)}
          >
            {d.newEmployment ? '✓ ' : ''}接收新就业形态劳动者
          </Text>
        </View>
      )}
    </View>
  );
}
