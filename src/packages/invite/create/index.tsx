import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useShareAppMessage } from '@tarojs/taro';
import { ROLE_LABELS, type GrantableRole } from '@rules/roles';
import { call, type OutputOf } from '../../../api/client';
import { Button } from '../../../components/Button';
import { Field, FieldFrame } from '../../../components/Field';
import { PageShell } from '../../../components/PageShell';
import { StateView } from '../../../components/StateView';
import { useAction } from '../../../hooks/useAction';
import { useSessionStore } from '../../../stores/session';
import { acceptPath } from '../status';
import { MadeInvitation } from './Made';
import { MyInvitations } from './MyInvitations';
import { SCOPE_LABELS, ScopeField } from './ScopeField';
import { useScopes } from './useScopes';
import '../index.scss';

const ROLES: GrantableRole[] = ['staff', 'lawyer', 'counsellor', 'merchant', 'admin'];

/**
 * 邀请人员: staff give a role to someone who need not be a member (a duty lawyer, a shop clerk, a new officer):
 * role, scope and name → a one-use link (share card, QR code, copy) valid 72 hours; their invitations below.
 */
export default function CreateInvitation() {
  const isAdmin = useSessionStore((s) => !!s.session?.roles.some((r) => r.role === 'admin'));
  const scopes = useScopes();
  const act = useAction();
  const [role, setRole] = useState<GrantableRole>('staff');
  const [scope, setScope] = useState<{ id: string; name: string } | null>(null);
  const [name, setName] = useState('');
  const [made, setMade] = useState<OutputOf<'invitations.create'> | null>(null);
  const [listKey, setListKey] = useState(0);

  useShareAppMessage(() => ({
    title: made ? `${made.inviterName}邀请您成为${made.scopeName ?? ''}${made.roleLabel}` : '工会会员服务',
    path: made ? acceptPath(made.code) : '/pages/index/index',
  }));

  const pickRole = (r: GrantableRole) => {
    setRole(r);
    setScope(null);
    act.clearField('role');
    act.clearField('scopeId');
  };

  const create = () => {
    const problems: Record<string, string> = {};
    if (role !== 'admin' && !scope) problems.scopeId = role === 'staff' ? '请选择工会' : `请选择${SCOPE_LABELS[role]}`;
    if (!name.trim()) problems.name = '请填写被邀请人姓名';
    if (Object.keys(problems).length) return act.setFieldErrors(problems);
    void act.run(() => call('invitations.create', { role, name: name.trim(), ...(scope ? { scopeId: scope.id } : {}) }), {
      failTitle: '未能生成邀请',
      onDone: (value) => {
        setMade(value);
        setListKey((k) => k + 1);
      },
    });
  };

  return (
    <PageShell className='invite' page='inviteCreate'>
      {made ? (
        <MadeInvitation
          made={made}
          onAnother={() => {
            setMade(null);
            setName('');
          }}
        />
      ) : (
        <StateView remote={scopes}>
          <View className='section'>
            <Text className='section-title'>邀请人员</Text>
            <Text className='muted'>被邀请人无需先入会：例如援助站的值班律师、商户的店员、新任工会干部。</Text>
            <FieldFrame label='角色' error={act.fieldErrors.role}>
              <View className='chips'>
                {ROLES.filter((r) => r !== 'admin' || isAdmin).map((r) => (
                  <View
                    key={r}
                    className={`chip ${role === r ? 'chip-active' : ''}`}
                    data-testid={`invite-role-${r}`}
                    onClick={() => pickRole(r)}
                  >
                    {ROLE_LABELS[r]}
                  </View>
                ))}
              </View>
            </FieldFrame>
            {scopes.data && role !== 'admin' && (
              <ScopeField
                role={role}
                options={scopes.data}
                value={scope}
                error={act.fieldErrors.scopeId}
                onChange={(s) => {
                  setScope(s);
                  act.clearField('scopeId');
                }}
              />
            )}
            <Field
              label='被邀请人姓名'
              name='invite-name'
              testId='invite-name'
              value={name}
              maxlength={20}
              placeholder='对方的真实姓名，工作人员界面将显示此姓名'
              {...act.field('name', setName)}
            />
            <Button block testId='invite-create' loading={act.busy} onClick={create}>
              生成邀请
            </Button>
          </View>
        </StateView>
      )}
      <MyInvitations key={listKey} />
    </PageShell>
  );
}
