import { useState } from 'react';
import { View, Text, Input } from '@tarojs/components';
import { call } from '../../../api/client';
import type { Org } from '../../../api/types';
import { Button } from '../../../components/Button';
import { OrgPicker } from '../../../components/OrgPicker/OrgPicker';
import { useRemote } from '../../../hooks/useRemote';
import { orgScopesOf, useSessionStore } from '../../../stores/session';

export interface ReviewFilter {
  keyword: string;
  org: Org | null;
}

interface ReviewFiltersProps {
  value: ReviewFilter;
  onChange: (value: ReviewFilter) => void;
}

/**
 * Search by name and filter by union (within the staffer's scope).
 * e2e hooks: `.review-search input`, `.review-search-go`, `.review-org-filter`, `.review-org-clear`.
 */
export function ReviewFilters({ value, onChange }: ReviewFiltersProps) {
  const [typed, setTyped] = useState(value.keyword);
  const [picking, setPicking] = useState(false);
  const session = useSessionStore((s) => s.session);
  const tree = useRemote(() => call('org.tree', {}));
  const within = orgScopesOf(session);

  return (
    <View className='staff-toolbar'>
      <View className='staff-search'>
        <Input
          className='staff-input review-search'
          data-testid='staff-review-search'
          value={typed}
          maxlength={30}
          placeholder='按申请人姓名搜索'
          confirmType='search'
          onInput={(e) => setTyped(e.detail.value)}
          onConfirm={() => onChange({ ...value, keyword: typed.trim() })}
        />
        <Button
          small
          className='review-search-go'
          testId='staff-review-search-go'
          onClick={() => onChange({ ...value, keyword: typed.trim() })}
        >
          搜索
        </Button>
      </View>
      <View className='staff-filter'>
        <View
          className={`chip review-org-filter ${value.org ? 'chip-active' : ''}`}
          data-testid='staff-review-org-filter'
          onClick={() => setPicking(true)}
        >
          {value.org ? value.org.name : '全部工会'} ▾
        </View>
        {value.org && (
          <Text className='muted review-org-clear' onClick={() => onChange({ ...value, org: null })}>
            清除筛选
          </Text>
        )}
        {value.keyword && (
          <Text
            className='muted review-keyword-clear'
            onClick={() => {
              setTyped('');
              onChange({ ...value, keyword: '' });
            }}
          >
            清除“{value.keyword}”
          </Text>
        )}
      </View>
      {picking && tree.data && (
        <OrgPicker
          orgs={tree.data.orgs}
          filter={{ purpose: 'any', within }}
          title='按工会筛选'
          onClose={() => setPicking(false)}
          onSelect={(org) => {
            setPicking(false);
            onChange({ ...value, org });
          }}
        />
      )}
    </View>
  );
}
