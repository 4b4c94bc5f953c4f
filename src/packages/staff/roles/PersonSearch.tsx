import { useState } from 'react';
import { View, Text, Input } from '@tarojs/components';
import { call, errorMessage } from '../../../api/client';
import type { PersonOption } from '../../../api/types';
import { Button } from '../../../components/Button';

interface PersonSearchProps {
  value: PersonOption | null;
  onChange: (person: PersonOption | null) => void;
}

/**
 * Finds the member to grant a role to, by part of the name or by the full mobile number.
 * e2e hooks: `.person-keyword input`, `.person-search`, `.person-option` (text = name), `.person-chosen`.
 */
export function PersonSearch({ value, onChange }: PersonSearchProps) {
  const [keyword, setKeyword] = useState('');
  const [results, setResults] = useState<PersonOption[] | null>(null);
  const [searching, setSearching] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const search = async () => {
    const word = keyword.trim();
    if (!word) return setError('请输入姓名或手机号');
    setError(null);
    setSearching(true);
    try {
      setResults((await call('roles.people', { keyword: word })).items);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSearching(false);
    }
  };

  if (value) {
    return (
      <View className='person-chosen'>
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
          value={keyword}
          maxlength={30}
          placeholder='会员姓名或完整手机号'
          confirmType='search'
          onInput={(e) => setKeyword(e.detail.value)}
          onConfirm={() => void search()}
        />
        <Button small className='person-search' loading={searching} loadingText='搜索中' onClick={() => void search()}>
          搜索
        </Button>
      </View>
      {error && <Text className='form-error'>{error}</Text>}
      {results && results.length === 0 && <Text className='muted person-none'>没有找到该会员（只能为已入会的会员授予角色）</Text>}
      {results?.map((p) => (
        <View key={p.openid} className='person-option' onClick={() => onChange(p)}>
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
