import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { GrantableRole } from '@rules/roles';
import type { Org } from '../../../api/types';
import { FieldFrame, PickerField } from '../../../components/Field';
import { OrgPicker } from '../../../components/OrgPicker/OrgPicker';
import type { ScopeOption } from './useScopes';

interface Props {
  role: Exclude<GrantableRole, 'admin'>;
  options: { orgs: Org[]; stations: ScopeOption[]; rooms: ScopeOption[]; merchants: ScopeOption[] };
  value: ScopeOption | null;
  error?: string;
  onChange: (scope: ScopeOption) => void;
}

const ANY_UNION = { purpose: 'any' } as const;

/** What each scoped role is scoped to, and where that list is kept. */
export const SCOPE_LABELS = { lawyer: '法律援助站', counsellor: '心理咨询室', merchant: '商户' } as const;
const SCOPE_HOMES = { lawyer: '法律援助', counsellor: '心理咨询', merchant: '商户管理' } as const;

/** Where the role applies: a union (drill-down picker), or one of the stations / merchants the inviter manages. */
export function ScopeField({ role, options, value, error, onChange }: Props) {
  const [picking, setPicking] = useState(false);
  if (role === 'staff') {
    return (
      <>
        <PickerField
          label='所属工会'
          name='invite-scope-org'
          value={value?.name ?? ''}
          placeholder='请选择工会'
          error={error}
          onOpen={() => setPicking(true)}
        />
        {picking && (
          <OrgPicker
            orgs={options.orgs}
            filter={ANY_UNION}
            title='选择工会'
            onSelect={(o) => {
              onChange({ id: o._id, name: o.name });
              setPicking(false);
            }}
            onClose={() => setPicking(false)}
          />
        )}
      </>
    );
  }
  const list = role === 'lawyer' ? options.stations : role === 'counsellor' ? options.rooms : options.merchants;
  const label = SCOPE_LABELS[role];
  return (
    <FieldFrame label={label} error={error}>
      {list.length ? (
        <View className='chips'>
          {list.map((o) => (
            <View
              key={o.id}
              className={`chip ${value?.id === o.id ? 'chip-active' : ''}`}
              data-testid={`invite-scope-${o.id}`}
              onClick={() => onChange(o)}
            >
              {o.name}
            </View>
          ))}
        </View>
      ) : (
        <Text className='muted'>
          暂无可选的{label}，请先在{SCOPE_HOMES[role]}中添加。
        </Text>
      )}
    </FieldFrame>
  );
}
