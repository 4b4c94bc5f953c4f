import { useMemo, useState } from 'react';
import { View, Text, ScrollView } from '@tarojs/components';
import type { Org } from '../../api/types';
import { buildOrgTree, type OrgFilter } from './orgTree';
import './OrgPicker.scss';

export type { OrgFilter } from './orgTree';

export interface OrgPickerProps {
  orgs: Org[];
  filter: OrgFilter;
  title?: string;
  onSelect: (org: Org) => void;
  onClose: () => void;
}

const KIND_TEXT: Record<Org['kind'], string> = {
  city: '市总工会',
  district: '区/县',
  street: '街道/乡镇',
  industry: '产业',
  grassroots: '基层',
};

/**
 * Drill-down picker over the union tree: city → district/industry → street → grassroots. Used to join, to transfer,
 * to scope a staff role and to filter lists.
 * Test ids: `org-picker`, `org-picker-item` (text = org name), `org-picker-select-current`, `org-picker-back`.
 */
export function OrgPicker({ orgs, filter, title = '选择所属工会', onSelect, onClose }: OrgPickerProps) {
  const tree = useMemo(() => buildOrgTree(orgs, filter), [orgs, filter]);
  const [trail, setTrail] = useState<Org[]>([]);
  const current = trail[trail.length - 1];
  const list = tree.children.get(current ? current._id : null) ?? [];

  const open = (o: Org) => {
    const kids = tree.children.get(o._id);
    if (kids && kids.length) setTrail([...trail, o]);
    else if (tree.selectable(o)) onSelect(o);
  };

  return (
    <View className='org-picker' data-testid='org-picker' catchMove>
      <View className='org-picker-sheet'>
        <View className='org-picker-head'>
          {trail.length > 0 ? (
            <Text className='org-back' data-testid='org-picker-back' onClick={() => setTrail(trail.slice(0, -1))}>
              ‹ 返回
            </Text>
          ) : (
            <Text className='org-back' />
          )}
          <Text className='org-picker-title'>{title}</Text>
          <Text className='org-picker-close' onClick={onClose}>
            关闭
          </Text>
        </View>
        <Text className='org-crumbs'>{trail.length ? trail.map((o) => o.name).join(' / ') : '全部'}</Text>
        {current && tree.selectable(current) && (
          <View className='org-select-current' data-testid='org-picker-select-current' onClick={() => onSelect(current)}>
            选择「{current.name}」
          </View>
        )}
        <ScrollView scrollY className='org-list'>
          {list.length === 0 && <Text className='muted org-empty'>没有可选择的工会</Text>}
          {list.map((o) => {
            const hasKids = !!tree.children.get(o._id)?.length;
            return (
              <View key={o._id} className='org-item' data-testid='org-picker-item' data-org-id={o._id} onClick={() => open(o)}>
                <Text className='org-item-name'>{o.name}</Text>
                <Text className='org-item-meta'>
                  {KIND_TEXT[o.kind]}
                  {hasKids ? ' ›' : ''}
                </Text>
              </View>
            );
          })}
        </ScrollView>
      </View>
    </View>
  );
}
