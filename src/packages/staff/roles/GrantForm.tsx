import { useState } from 'react';
import { View, Text, Input } from '@tarojs/components';
import { GRANTABLE_ROLES, ROLE_LABELS, type GrantableRole } from '@rules/roles';
import { call } from '../../../api/client';
import type { Org, PersonOption } from '../../../api/types';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { FieldFrame, PickerField } from '../../../components/Field';
import { OrgPicker } from '../../../components/OrgPicker/OrgPicker';
import { useAction } from '../../../hooks/useAction';
import { PersonSearch } from './PersonSearch';

const ANY_UNION = { purpose: 'any' } as const;

/** What each role's scope is; merchants and legal-aid stations get their own pickers with their areas. */
const SCOPE_HINT: Partial<Record<GrantableRole, string>> = {
  merchant: '商户编号（商户管理上线后可直接选择）',
  lawyer: '法律援助站编号（援助站管理上线后可直接选择）',
  counsellor: '心理咨询室编号（也可在“邀请人员”中直接选择）',
};

interface GrantFormProps {
  orgs: Org[];
  onGranted: () => void;
}

/**
 * 授予角色: the person (searched by name or mobile), the role, and its scope (a union for staff).
 * Errors show under the person, the role or the scope (else in one dialog). Test ids: `staff-role-option`
 * (text = role, `data-active`), `staff-role-scope-org`, `staff-role-scope-id` (`… input`), `staff-role-grant`,
 * dialog `staff-role-grant-dialog`.
 */
export function GrantForm({ orgs, onGranted }: GrantFormProps) {
  const [person, setPerson] = useState<PersonOption | null>(null);
  const [role, setRole] = useState<GrantableRole>('staff');
  const [org, setOrg] = useState<Org | null>(null);
  const [scopeId, setScopeId] = useState('');
  const [picking, setPicking] = useState(false);
  const [asking, setAsking] = useState(false);
  const act = useAction();
  const errors = act.fieldErrors;

  const scope = role === 'staff' ? org?._id : role === 'admin' ? undefined : scopeId.trim() || undefined;
  const scopeName = role === 'staff' ? org?.name : scope;

  const ask = () => {
    if (!person) return act.setFieldErrors({ openid: '请先搜索并选择会员' });
    if (role === 'staff' && !org) return act.setFieldErrors({ scopeId: '请选择该干部所属的工会' });
    if (role !== 'admin' && role !== 'staff' && !scope)
      return act.setFieldErrors({ scopeId: `请填写${SCOPE_HINT[role] ?? '管辖范围'}` });
    act.setFieldErrors({});
    setAsking(true);
  };

  const grant = async () => {
    if (!person) return;
    await act.run(() => call('roles.grant', { openid: person.openid, role, ...(scope ? { scopeId: scope } : {}) }), {
      success: '已授予',
      failTitle: '未能授予',
      fieldKey: (f) => (f === 'openid' || f === 'role' || f === 'scopeId' ? f : undefined),
      onDone: () => {
        setPerson(null);
        onGranted();
      },
    });
    setAsking(false);
  };

  return (
    <View className='section role-grant-form'>
      <Text className='section-title'>授予角色</Text>
      <FieldFrame label='会员' error={errors.openid}>
        <PersonSearch
          value={person}
          onChange={(p) => {
            setPerson(p);
            act.clearField('openid');
          }}
        />
      </FieldFrame>
      <FieldFrame label='角色' error={errors.role}>
        <View className='chips'>
          {GRANTABLE_ROLES.map((r) => (
            <View
              key={r}
              className={`chip role-option ${role === r ? 'chip-active' : ''}`}
              data-testid='staff-role-option'
              data-active={role === r ? 'true' : 'false'}
              onClick={() => {
                setRole(r);
                act.setFieldErrors({});
              }}
            >
              {ROLE_LABELS[r]}
            </View>
          ))}
        </View>
      </FieldFrame>
      {role === 'staff' && (
        <PickerField
          label='所属工会（管辖范围含下级工会）'
          name='role-scope-org'
          testId='staff-role-scope-org'
          value={org?.name ?? ''}
          error={errors.scopeId}
          placeholder='请选择工会'
          onOpen={() => setPicking(true)}
        />
      )}
      {(role === 'merchant' || role === 'lawyer' || role === 'counsellor') && (
        <FieldFrame label={SCOPE_HINT[role]!} error={errors.scopeId}>
          <Input
            className='field-control field-input role-scope-id'
            data-testid='staff-role-scope-id'
            value={scopeId}
            maxlength={64}
            placeholder='请输入编号'
            onInput={(e) => {
              setScopeId(e.detail.value);
              act.clearField('scopeId');
            }}
          />
        </FieldFrame>
      )}
      {role === 'admin' && <Text className='muted'>系统管理员可管理全部工会、角色和操作日志，请谨慎授予。</Text>}
      <Button block className='role-grant' testId='staff-role-grant' onClick={ask}>
        授予
      </Button>
      {picking && (
        <OrgPicker
          orgs={orgs}
          filter={ANY_UNION}
          title='选择工会'
          onClose={() => setPicking(false)}
          onSelect={(o) => {
            setOrg(o);
            act.clearField('scopeId');
            setPicking(false);
          }}
        />
      )}
      <ConfirmDialog
        visible={asking}
        title='确认授予角色'
        confirmText='授予'
        busy={act.busy}
        className='role-grant-dialog'
        testId='staff-role-grant-dialog'
        onConfirm={() => void grant()}
        onCancel={() => setAsking(false)}
      >
        为「{person?.name}」授予「{ROLE_LABELS[role]}」角色{scopeName ? `，管辖范围：${scopeName}` : ''}？
      </ConfirmDialog>
    </View>
  );
}
