import { useState } from 'react';
import { View, Text, Input } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { call, errorMessage } from '../../../api/client';
import type { RoleGrant, RoleName } from '../../../api/types';
import { PageShell } from '../../../components/PageShell';
import { StateView } from '../../../components/StateView';
import { useRemote } from '../../../hooks/useRemote';
import { formatDateTime, ROLE_TEXT } from '../../../utils/format';
import { ConfirmDialog } from '../components/ConfirmDialog';
import '../staff.scss';
import './index.scss';

const GRANTABLE: RoleName[] = ['staff', 'merchant', 'lawyer', 'admin'];

type Pending = { kind: 'grant' | 'revoke'; openid: string; role: RoleName; scopeId?: string } | null;

/** Admin only. e2e hooks: `.role-openid input`, `.role-option`, `.role-scope input`, `.role-grant`, `.role-item`, `.role-revoke`. */
export default function Roles() {
  const list = useRemote(() => call('roles.list', {}));
  const [openid, setOpenid] = useState('');
  const [role, setRole] = useState<RoleName>('staff');
  const [scopeId, setScopeId] = useState('');
  const [pending, setPending] = useState<Pending>(null);
  const [formError, setFormError] = useState<string | null>(null);

  const ask = () => {
    setFormError(null);
    if (!openid.trim()) return setFormError('请填写用户 openid');
    if (role !== 'admin' && !scopeId.trim()) return setFormError('请填写授权范围（组织/商户/站点 ID）');
    setPending({ kind: 'grant', openid: openid.trim(), role, ...(role !== 'admin' ? { scopeId: scopeId.trim() } : {}) });
  };

  const act = async () => {
    if (!pending) return;
    const { kind, ...input } = pending;
    setPending(null);
    try {
      if (kind === 'grant') await call('roles.grant', input);
      else await call('roles.revoke', input);
      void Taro.showToast({ title: kind === 'grant' ? '已授权' : '已撤销', icon: 'success' });
      if (kind === 'grant') setOpenid('');
      list.reload();
    } catch (e) {
      void Taro.showModal({ title: '操作失败', content: errorMessage(e), showCancel: false });
    }
  };

  const revoke = (g: RoleGrant) =>
    setPending({ kind: 'revoke', openid: g.openid, role: g.role, ...(g.scopeId ? { scopeId: g.scopeId } : {}) });

  return (
    <PageShell className='staff-roles'>
      <View className='section'>
        <Text className='section-title'>授予角色</Text>
        <Input
          className='staff-input role-openid'
          value={openid}
          placeholder='用户 openid'
          onInput={(e) => setOpenid(e.detail.value)}
        />
        <View className='role-options'>
          {GRANTABLE.map((r) => (
            <View key={r} className={`chip role-option ${role === r ? 'chip-active' : ''}`} onClick={() => setRole(r)}>
              {ROLE_TEXT[r]}
            </View>
          ))}
        </View>
        {role !== 'admin' && (
          <Input
            className='staff-input role-scope'
            value={scopeId}
            placeholder='授权范围 ID（如 org-cz-wujin）'
            onInput={(e) => setScopeId(e.detail.value)}
          />
        )}
        {formError && <Text className='form-error'>{formError}</Text>}
        <View className='btn role-grant' onClick={ask}>
          授予
        </View>
      </View>
      <StateView
        loading={list.loading}
        error={list.error}
        onRetry={list.reload}
        empty={!!list.data && list.data.items.length === 0}
        emptyText='暂无角色授权'
      >
        {list.data?.items.map((g) => (
          <View key={`${g.openid}-${g.role}-${g.scopeId ?? ''}`} className='staff-item role-item'>
            <View className='staff-item-head'>
              <Text className='staff-item-name'>{ROLE_TEXT[g.role] ?? g.role}</Text>
              {g.fromEnv ? (
                <Text className='muted'>环境配置</Text>
              ) : (
                <Text className='role-revoke' onClick={() => revoke(g)}>
                  撤销
                </Text>
              )}
            </View>
            <Text className='staff-item-line'>openid：{g.openid}</Text>
            {g.scopeId && <Text className='staff-item-line'>范围：{g.scopeId}</Text>}
            {g.grantedAt && <Text className='staff-item-line'>授权于 {formatDateTime(g.grantedAt)}</Text>}
          </View>
        ))}
      </StateView>
      <ConfirmDialog
        visible={!!pending}
        title={pending?.kind === 'grant' ? '确认授予角色' : '确认撤销角色'}
        confirmText={pending?.kind === 'grant' ? '授予' : '撤销'}
        onConfirm={() => void act()}
        onCancel={() => setPending(null)}
      >
        {pending &&
          `${pending.kind === 'grant' ? '授予' : '撤销'} ${pending.openid} 的「${ROLE_TEXT[pending.role]}」角色${pending.scopeId ? `（范围 ${pending.scopeId}）` : ''}？`}
      </ConfirmDialog>
    </PageShell>
  );
}
