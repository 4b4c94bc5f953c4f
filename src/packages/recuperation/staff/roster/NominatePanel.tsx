import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { call, errorMessage } from '../../../../api/client';
import { Button } from '../../../../components/Button';
import type { Candidate } from '../../types';

/** 单位推荐: find members of the staffer's unions by name and nominate them (against their union's quota). */
export function NominatePanel({ activityId, onChanged }: { activityId: string; onChanged: () => void }) {
  const [keyword, setKeyword] = useState('');
  const [items, setItems] = useState<Candidate[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const search = async () => {
    if (!keyword.trim()) return setError('请输入会员姓名');
    setError(null);
    try {
      setItems((await call('enrollment.candidates', { activityId, keyword: keyword.trim() })).items);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const nominate = async (c: Candidate) => {
    if (busy) return;
    setBusy(c.openid);
    try {
      await call('enrollment.nominate', { activityId, openid: c.openid });
      void Taro.showToast({ title: `已推荐${c.name}`, icon: 'success' });
      onChanged();
      await search();
    } catch (e) {
      void Taro.showModal({ title: '未能推荐', content: errorMessage(e), showCancel: false });
    } finally {
      setBusy(null);
    }
  };

  return (
    <View className='section rec-nominate'>
      <Text className='section-title'>单位推荐</Text>
      <View className='rec-search'>
        <Input
          className='rec-input rec-nominate-keyword'
          value={keyword}
          placeholder='输入会员姓名'
          onInput={(e) => setKeyword(e.detail.value)}
          onConfirm={() => void search()}
        />
        <Button small className='rec-nominate-search' onClick={() => void search()}>
          查找
        </Button>
      </View>
      {error && <Text className='rec-field-error'>{error}</Text>}
      {items?.length === 0 && <Text className='muted'>您管辖的工会中没有找到该会员</Text>}
      {items?.map((c) => (
        <View key={c.openid} className='rec-list-item rec-candidate'>
          <View className='rec-candidate-body'>
            <Text>
              {c.name} · {c.orgName}
            </Text>
            <Text className='muted rec-candidate-line'>
              {c.statusText ?? (c.eligible ? '符合条件' : (c.problems?.[0] ?? '不符合条件'))}
              {c.tagLabels.length ? ` · ${c.tagLabels.join('、')}` : ''}
            </Text>
          </View>
          {!c.status && c.eligible && (
            <Button
              small
              kind='plain'
              className='rec-nominate-btn'
              loading={busy === c.openid}
              disabled={!!busy}
              onClick={() => void nominate(c)}
            >
              推荐
            </Button>
          )}
        </View>
      ))}
    </View>
  );
}
