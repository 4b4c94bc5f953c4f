import { useState } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { call, errorMessage } from '../../../../api/client';
import { useRemote } from '../../../../hooks/useRemote';
import { Button } from '../../../../components/Button';
import { ConfirmDialog } from '../../../../components/ConfirmDialog';
import type { Objection } from '../../types';

/** 公示异议: open objections, each upheld (the place is removed and back-filled) or dismissed, with a note. */
export function Objections({ activityId, onChanged }: { activityId: string; onChanged: () => void }) {
  const list = useRemote(() => call('enrollment.objections', { activityId, status: 'open' }), { refreshOnShow: true });
  const [target, setTarget] = useState<{ o: Objection; decision: 'uphold' | 'dismiss' } | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);

  const resolve = async () => {
    if (!target) return;
    if (note.trim().length < 2) return setError('请填写核实结果，将告知相关会员');
    try {
      const r = await call('enrollment.resolveObjection', {
        objectionId: target.o._id,
        decision: target.decision,
        note: note.trim(),
      });
      setTarget(null);
      setNote('');
      void Taro.showToast({
        title: r.status === 'upheld' ? (r.backfilledBy ? `已递补${r.backfilledBy}` : '已取消其资格') : '已处理',
        icon: 'none',
      });
      list.reload();
      onChanged();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  if (!list.data?.items.length) return null;
  return (
    <View className='section rec-objections'>
      <Text className='section-title'>公示异议（{list.data.total}）</Text>
      {list.data.items.map((o) => (
        <View key={o._id} className='rec-objection'>
          <Text>
            {o.name} · {o.orgName}
          </Text>
          <Text className='muted rec-card-line'>理由：{o.reason}</Text>
          <View className='rec-actions'>
            <Button
              kind='plain'
              small
              className='rec-dismiss'
              onClick={() => {
                setError(null);
                setTarget({ o, decision: 'dismiss' });
              }}
            >
              异议不成立
            </Button>
            <Button
              small
              className='rec-uphold'
              onClick={() => {
                setError(null);
                setTarget({ o, decision: 'uphold' });
              }}
            >
              属实，取消资格
            </Button>
          </View>
        </View>
      ))}
      <ConfirmDialog
        visible={!!target}
        title={target?.decision === 'uphold' ? '取消该会员资格并递补？' : '异议不成立？'}
        onConfirm={() => void resolve()}
        onCancel={() => setTarget(null)}
      >
        <Textarea
          className='rec-input rec-textarea'
          value={note}
          maxlength={200}
          placeholder='核实结果（将告知相关会员）'
          onInput={(e) => setNote(e.detail.value)}
        />
        {error && <Text className='rec-field-error'>{error}</Text>}
      </ConfirmDialog>
    </View>
  );
}
