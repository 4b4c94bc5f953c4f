import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import { ROLE_LABELS } from '@rules/roles';
import { call } from '../../../api/client';
import type { RoleGrantView } from '../../../api/types';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { PageShell } from '../../../components/PageShell';
import { StateView } from '../../../components/StateView';
import { useAction } from '../../../hooks/useAction';
import { useRemote } from '../../../hooks/useRemote';
import { useSession } from '../../../stores/session';
import { formatDateTime } from '../../../utils/format';
import { GrantForm } from './GrantForm';
import '../staff.scss';
import './index.scss';

/**
 * 角色管理 (administrators): grant a role to a member found by name or mobile, with its scope picked in the
 * union tree; the list shows people, roles and scopes by name, each with 撤销.
 * Test ids: `staff-role-item` (contains the person's name), `staff-role-revoke`, dialog `staff-role-revoke-dialog`.
 */
export default function Roles() {
  const { session } = useSession();
  const list = useRemote(() => call('roles.list', {}));
  const tree = useRemote(() => call('org.tree', {}));
  const [revoking, setRevoking] = useState<RoleGrantView | null>(null);
  const act = useAction();

  const revoke = async () => {
    if (!revoking) return;
    const { openid, role, scopeId } = revoking;
    await act.run(() => call('roles.revoke', { openid, role, ...(scopeId ? { scopeId } : {}) }), {
      success: '已撤销',
      failTitle: '操作失败',
      onDone: list.reload,
    });
    setRevoking(null);
  };

  return (
    <PageShell className='staff-roles' page='staffRoles'>
      <StateView remote={tree}>{tree.data && <GrantForm orgs={tree.data.orgs} onGranted={list.reload} />}</StateView>
      <Text className='section-title roles-list-title'>已授予的角色</Text>
      <StateView remote={list} empty={!!list.data && list.data.items.length === 0} emptyText='暂无角色授权'>
        {list.data?.items.map((g) => (
          <View key={g._id} className='staff-item role-item' data-testid='staff-role-item'>
            <View className='staff-item-head'>
              <Text className='staff-item-name role-person'>{g.personName}</Text>
              <Text className='tag role-label'>{ROLE_LABELS[g.role]}</Text>
            </View>
            {g.scopeId && <Text className='staff-item-line role-scope'>管辖范围：{g.scopeName ?? g.scopeId}</Text>}
            {g.grantedAt && <Text className='staff-item-line'>授予于 {formatDateTime(g.grantedAt)}</Text>}
            <View className='staff-item-actions'>
              {g.fromEnv ? (
                <Text className='muted'>由云函数环境变量配置，不能在此撤销</Text>
              ) : g.role === 'admin' && g.openid === session?.openid ? (
                <Text className='muted'>当前账号（不能撤销自己的管理员角色）</Text>
              ) : (
                <Button small kind='plain' className='role-revoke' testId='staff-role-revoke' onClick={() => setRevoking(g)}>
                  撤销
                </Button>
              )}
            </View>
          </View>
        ))}
      </StateView>
      <ConfirmDialog
        visible={!!revoking}
        title='确认撤销角色'
        confirmText='撤销'
        busy={act.busy}
        className='role-revoke-dialog'
        testId='staff-role-revoke-dialog'
        onConfirm={() => void revoke()}
        onCancel={() => setRevoking(null)}
      >
        撤销「{revoking?.personName}」的「{revoking ? ROLE_LABELS[revoking.role] : ''}」角色
        {revoking?.scopeName ? `（${revoking.scopeName}）` : ''}？撤销后其将不能再办理相应业务。
      </ConfirmDialog>
    </PageShell>
  );
}
