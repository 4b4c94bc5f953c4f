import { useState } from 'react';
import { View, Text, Input } from '@tarojs/components';
import { call } from '../../../api/client';
import type { PersonOption } from '../../../api/types';
import { Button } from '../../../components/Button';
import { useAction } from '../../../hooks/useAction';

interface PersonSearchProps {
  value: PersonOption | null;
  onChange: (person: PersonOption | null) => void;
}

/**
 * Finds the member to grant a role to, by part of the name or by the full mobile number.
 * Test ids: `staff-person-keyword` (`… input`), `staff-person-search`, `staff-person-option` (text = name),
 * `staff-person-chosen`.
 */
export function PersonSearch({ value, onChange }: PersonSearchProps) {
  const [keyword, setKeyword] = useState('');
  const [results, setResults] = useState<PersonOption[] | null>(null);
  const act = useAction();
  const error = act.fieldErrors.keyword;

  const search = () => {
    const word = keyword.trim();
    if (!word) return act.setFieldErrors({ keyword: '请输入姓名或手机号' });
    void act.run(() => call('roles.people', { keyword: word }), {
      failTitle: '未能搜索',
      fieldKey: (f) => (f === 'keyword' ? 'keyword' : undefined),
      onDone: (found) => setResults(found.items),
    });
  };

  if (value) {
    return (
      <View className='person-chosen' data-testid='staff-person-chosen'>
        <View className='person-main'>
          <Text className='person-name'>{value.name}</Text>
          <Text className='muted person-meta'>
            {value.orgName}
            {value.mobileMasked ? ` · ${value.mobileMasked}` : ''}
          </Text>
        </View>
        <Button small kind='quiet' className='person-change' onClick={() => onChange(null)}>
          更换
        </Button>
      </View>
    );
  }

  return (
    <View className='person-search-box'>
      <View className='staff-search'>
        <Input
          className='staff-input person-keyword'
          data-testid='staff-person-keyword'
          value={keyword}
          maxlength={30}
          placeholder='会员姓名或完整手机号'
          confirmType='search'
          onInput={(e) => {
            setKeyword(e.detail.value);
            act.clearField('keyword');
          }}
          onConfirm={search}
        />
        <Button
          small
          className='person-search'
          testId='staff-person-search'
          loading={act.busy}
          loadingText='搜索中'
          onClick={search}
        >
          搜索
        </Button>
      </View>
      {error && <Text className='form-error'>{error}</Text>}
      {results && results.length === 0 && <Text className='muted person-none'>没有找到该会员（只能为已入会的会员授予角色）</Text>}
      {results?.map((p) => (
        <View key={p.openid} className='person-option' data-testid='staff-person-option' onClick={() => onChange(p)}>
          <Text className='person-name person-main'>{p.name}</Text>
          <Text className='muted person-meta'>
            {p.orgName}
            {p.mobileMasked ? ` · ${p.mobileMasked}` : ''}
          </Text>
        </View>
      ))}
    </View>
  );
}
