import { useState } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { REPORT_CATEGORIES, type ReportCategory } from '@rules/matchmaking';
import { call } from '../../../api/client';
import { Button } from '../../../components/Button';
import { Checkbox } from '../../../components/Checkbox';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { useAction } from '../../../hooks/useAction';
import { One } from '../inputs';

const CATEGORIES = Object.entries(REPORT_CATEGORIES).map(([key, label]) => ({ key: key as ReportCategory, label }));

/**
 * 屏蔽 and 举报 for one participant, each confirmed in a dialog (a block cannot be undone). The report's text stays
 * when sending fails; a too-short explanation is pointed out under it. Test ids `matchmaking-block`,
 * `matchmaking-report`, `matchmaking-block-dialog`, `matchmaking-report-dialog`, `matchmaking-report-detail`
 * (its error `-error`).
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
  const act = useAction();
  const [category, setCategory] = useState<ReportCategory>('harassment');
  const [detail, setDetail] = useState('');
  const [alsoBlock, setAlsoBlock] = useState(true);

  const block = () =>
    act.run(() => call('matchmaking.block', { activityId, participantId }), {
      success: '已屏蔽',
      failTitle: '未能屏蔽',
      fieldKey: () => undefined,
      onDone: () => (setAsk(null), onDone()),
      onFail: () => setAsk(null),
    });
  const report = () => {
    if (detail.trim().length < 5) return act.setFieldErrors({ detail: '请用至少5个字说明情况，工会将据此核实' });
    return act.run(() => call('matchmaking.report', { activityId, participantId, category, detail: detail.trim(), alsoBlock }), {
      failTitle: '未能提交举报',
      fieldKey: (field) => (field === 'detail' ? 'detail' : undefined),
      onDone: (r) => {
        setAsk(null);
        setDetail('');
        void Taro.showToast({ title: r.blocked ? '已举报并屏蔽' : '已提交举报', icon: 'success' });
        onDone();
      },
    });
  };
  const open = (what: 'block' | 'report') => {
    act.setFieldErrors({});
    setAsk(what);
  };

  return (
    <View className='mm-actions mm-safety'>
      <Button kind='quiet' small className='mm-block' testId='matchmaking-block' onClick={() => open('block')}>
        屏蔽
      </Button>
      <Button kind='quiet' small className='mm-report' testId='matchmaking-report' onClick={() => open('report')}>
        举报
      </Button>
      <ConfirmDialog
        visible={ask === 'block'}
        title='屏蔽此人？'
        confirmText='屏蔽'
        className='mm-block-dialog'
        testId='matchmaking-block-dialog'
        busy={act.busy}
        onConfirm={() => void block()}
        onCancel={() => setAsk(null)}
      >
        <Text>屏蔽后你们将互相看不到对方（包括以后的活动和已有的互选），且不能撤销。对方不会收到通知。</Text>
      </ConfirmDialog>
      <ConfirmDialog
        visible={ask === 'report'}
        title='举报此人'
        confirmText='提交举报'
        className='mm-report-dialog'
        testId='matchmaking-report-dialog'
        busy={act.busy}
        onConfirm={() => void report()}
        onCancel={() => setAsk(null)}
      >
        <View>
          <One options={CATEGORIES} value={category} onChange={setCategory} name='report-category' />
          <View data-testid='matchmaking-report-detail'>
            <Textarea
              className='mm-input mm-textarea mm-report-detail'
              value={detail}
              maxlength={300}
              placeholder='请说明情况（组织工会核实时使用，对方看不到是谁举报）'
              onInput={(e) => (setDetail(e.detail.value), act.clearField('detail'))}
            />
          </View>
          <Checkbox checked={alsoBlock} onChange={setAlsoBlock} testId='matchmaking-report-also-block'>
            同时屏蔽对方
          </Checkbox>
          {act.fieldErrors.detail && (
            <Text className='mm-field-error' data-testid='matchmaking-report-detail-error'>
              {act.fieldErrors.detail}
            </Text>
          )}
        </View>
      </ConfirmDialog>
    </View>
  );
}
