import { useState } from 'react';
import { Input, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { call, errorMessage } from '../../../../api/client';
import { Button } from '../../../../components/Button';
import { ConfirmDialog } from '../../../../components/ConfirmDialog';
import { useRemote } from '../../../../hooks/useRemote';
import { dayTime } from '../../format';
import type { ResultObjection } from '../../types';

type Ask = { o: ResultObjection; decision: 'uphold' | 'dismiss' } | null;

/**
 * Open objections to the 公示: uphold with the corrected scores (everyone is re-ranked) or dismiss, each with
 * the finding. e2e hooks: `.competitions-objection`, `.competitions-uphold`, `.competitions-dismiss`, `.competitions-resolve-dialog`.
 */
export function Objections({ eventId, onChanged }: { eventId: string; onChanged: () => void }) {
  const list = useRemote(() => call('competitions.resultObjections', { eventId, status: 'open' }), { refreshOnShow: true });
  const [ask, setAsk] = useState<Ask>(null);
  const [note, setNote] = useState('');
  const [theory, setTheory] = useState('');
  const [practical, setPractical] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const items = list.data?.items ?? [];

  const resolve = async () => {
    if (!ask || busy) return;
    if (note.trim().length < 2) return setError('请填写核实结果（会告知提出异议的职工）');
    const upheld = ask.decision === 'uphold';
    const t = Number(theory);
    const p = Number(practical);
    if (upheld && (!theory.trim() || !practical.trim() || Number.isNaN(t) || Number.isNaN(p)))
      return setError('异议成立时请填写更正后的理论和实操成绩');
    setBusy(true);
    try {
      await call('competitions.resolveObjection', {
        objectionId: ask.o._id,
        decision: ask.decision,
        note: note.trim(),
        ...(upheld ? { correction: { theory: t, practical: p, absent: false } } : {}),
      });
      setAsk(null);
      setNote('');
      setTheory('');
      setPractical('');
      void Taro.showToast({ title: upheld ? '已更正并重新排名' : '已处理', icon: 'success' });
      list.reload();
      onChanged();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  if (!items.length) return null;
  return (
    <View className='section competitions-objections'>
      <Text className='section-title'>待处理异议（{items.length}）</Text>
      {items.map((o) => (
        <View key={o._id} className='competitions-objection'>
          <Text className='competitions-item-name'>对「{o.displayName}」的异议</Text>
          <Text className='competitions-line'>{o.reason}</Text>
          <Text className='muted'>{dayTime(o.createdAt)}（提出人不公开）</Text>
          <View className='competitions-actions'>
            <Button
              small
              kind='plain'
              className='competitions-dismiss'
              onClick={() => (setError(null), setAsk({ o, decision: 'dismiss' }))}
            >
              异议不成立
            </Button>
            <Button small className='competitions-uphold' onClick={() => (setError(null), setAsk({ o, decision: 'uphold' }))}>
              成立并更正
            </Button>
          </View>
        </View>
      ))}
      <ConfirmDialog
        visible={!!ask}
        title={ask?.decision === 'uphold' ? '异议成立：更正成绩' : '异议不成立'}
        className='competitions-resolve-dialog'
        busy={busy}
        onConfirm={() => void resolve()}
        onCancel={() => setAsk(null)}
      >
        {ask?.decision === 'uphold' && (
          <View className='competitions-pair'>
            <Input
              className='competitions-input competitions-fix-theory'
              type='digit'
              value={theory}
              placeholder='更正后理论'
              onInput={(e) => setTheory(e.detail.value)}
            />
            <Input
              className='competitions-input competitions-fix-practical'
              type='digit'
              value={practical}
              placeholder='更正后实操'
              onInput={(e) => setPractical(e.detail.value)}
            />
          </View>
        )}
        <Textarea
          className='competitions-input competitions-textarea competitions-resolve-note'
          value={note}
          maxlength={200}
          placeholder='核实结果（将告知提出人和相关参赛者）'
          onInput={(e) => setNote(e.detail.value)}
        />
        {error && <Text className='competitions-field-error'>{error}</Text>}
      </ConfirmDialog>
    </View>
  );
}
