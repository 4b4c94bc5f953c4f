import { useState } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { REPORT_CATEGORIES, type ReportCategory } from '@rules/matchmaking';
import { call, errorMessage } from '../../../api/client';
import { Button } from '../../../components/Button';
import { Checkbox } from '../../../components/Checkbox';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { One } from '../inputs';

const CATEGORIES = Object.entries(REPORT_CATEGORIES).map(([key, label]) => ({ key: key as ReportCategory, label }));

/**
 * 屏蔽 and 举报 for one participant, each confirmed in a dialog (a block cannot be undone). The report's text stays
 * when sending fails. e2e hooks `.mm-block`, `.mm-report`, `.mm-report-detail`, `.mm-block-dialog`, `.mm-report-dialog`.
 */
export function SafetyActions({
  activityId,
  participantId,
  onDone,
}: {
  activityId: string;
  participantId: string;
  onDone: () => void;
}) {
  const [ask, setAsk] = useState<'block' | 'report' | null>(null);
  const [busy, setBusy] = useState(false);
  const [category, setCategory] = useState<ReportCategory>('harassment');
  const [detail, setDetail] = useState('');
  const [alsoBlock, setAlsoBlock] = useState(true);
  const [problem, setProblem] = useState<string | null>(null);

  const block = async () => {
    if (busy) return;
    setBusy(true);
    try {
      await call('matchmaking.block', { activityId, participantId });
      setAsk(null);
      void Taro.showToast({ title: '已屏蔽', icon: 'success' });
      onDone();
    } catch (e) {
      setProblem(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const report = async () => {
    if (busy) return;
    if (detail.trim().length < 5) return setProblem('请用至少5个字说明情况，工会将据此核实');
    setBusy(true);
    try {
      const r = await call('matchmaking.report', { activityId, participantId, category, detail: detail.trim(), alsoBlock });
      setAsk(null);
      setDetail('');
      void Taro.showToast({ title: r.blocked ? '已举报并屏蔽' : '已提交举报', icon: 'success' });
      onDone();
    } catch (e) {
      setProblem(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className='mm-actions mm-safety'>
      <Button kind='quiet' small className='mm-block' onClick={() => (setProblem(null), setAsk('block'))}>
        屏蔽
      </Button>
      <Button kind='quiet' small className='mm-report' onClick={() => (setProblem(null), setAsk('report'))}>
        举报
      </Button>
      <ConfirmDialog
        visible={ask === 'block'}
        title='屏蔽此人？'
        confirmText='屏蔽'
        className='mm-block-dialog'
        busy={busy}
        onConfirm={() => void block()}
        onCancel={() => setAsk(null)}
      >
        <Text>屏蔽后你们将互相看不到对方（包括以后的活动和已有的互选），且不能撤销。对方不会收到通知。</Text>
        {problem && <Text className='mm-field-error'>{problem}</Text>}
      </ConfirmDialog>
      <ConfirmDialog
        visible={ask === 'report'}
        title='举报此人'
        confirmText='提交举报'
        className='mm-report-dialog'
        busy={busy}
        onConfirm={() => void report()}
        onCancel={() => setAsk(null)}
      >
        <View>
          <One options={CATEGORIES} value={category} onChange={setCategory} />
          <Textarea
            className='mm-input mm-textarea mm-report-detail'
            value={detail}
            maxlength={300}
            placeholder='请说明情况（组织工会核实时使用，对方看不到是谁举报）'
            onInput={(e) => setDetail(e.detail.value)}
          />
          <Checkbox checked={alsoBlock} onChange={setAlsoBlock}>
            同时屏蔽对方
          </Checkbox>
          {problem && <Text className='mm-field-error'>{problem}</Text>}
        </View>
      </ConfirmDialog>
    </View>
  );
}
