import { useMemo } from 'react';
import { Picker, Text, View } from '@tarojs/components';
import type { Org } from '../../../api/types';

/** 组织工会: a picker of the unions offered. Test ids `<area>-edit-org`, `<area>-edit-org-error`. */
export function OrgField({
  area,
  orgs,
  value,
  error,
  onChange,
}: {
  area: string;
  orgs: Org[];
  value: string;
  error?: string;
  onChange: (orgId: string) => void;
}) {
  const index = useMemo(
    () =>
      Math.max(
        0,
        orgs.findIndex((o) => o._id === value),
      ),
    [orgs, value],
  );
  return (
    <View className='activity-field'>
      <Text className='activity-field-label'>组织工会</Text>
      <Picker
        mode='selector'
        range={orgs.map((o) => o.name)}
        value={index}
        onChange={(e) => onChange(orgs[Number(e.detail.value)]?._id ?? '')}
      >
        <View className='activity-input' data-testid={`${area}-edit-org`}>
          {orgs[index]?.name ?? '请选择'}
        </View>
      </Picker>
      {error && (
        <Text className='activity-field-error' data-testid={`${area}-edit-org-error`}>
          {error}
        </Text>
      )}
    </View>
  );
}
