import { useState } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { call } from '../../../api/client';
import { useAction } from '../../../hooks/useAction';
import { LoadMore } from '../../../components/LoadMore';
import { PageShell } from '../../../components/PageShell';
import { StateView } from '../../../components/StateView';
import { usePagedRemote } from '../../../hooks/usePagedRemote';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { dayTime } from '../format';
import type { PublicityView } from '../types';
import '../recuperation.scss';
import './index.scss';

type PublicityPage = PublicityView;

/**
 * 公示名单: names partly masked and union names only; during the period any member may raise an objection
 * with a reason. Test ids `recuperation-publicity` (the list), `recuperation-pub-item` (masked name inside),
 * `recuperation-pub-until`, `recuperation-object`, `recuperation-object-reason`, `recuperation-object-error`.
 */
export default function Publicity() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const [head, setHead] = useState<Omit<PublicityPage, 'items' | 'total'> | null>(null);
  const list = usePagedRemote(
    async (page) => {
      const res = await call('enrollment.publicity', { activityId: id, page });
      const { items, total, ...rest } = res;
      if (page === 1) setHead(rest);
      return { items, total };
    },
    { refreshOnShow: true },
  );
  const [target, setTarget] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const action = useAction();
  const reasonError = action.fieldErrors.reason;

  const submit = () => {
    if (reason.trim().length < 5) return action.setFieldErrors({ reason: '请写明异议理由（至少5个字），工会将核实处理' });
    if (!target) return;
    void action.run(() => call('enrollment.object', { activityId: id, ticket: target, reason: reason.trim() }), {
      success: '异议已提交',
      // the dialog shows one field: any refusal is said under it, and the dialog stays
      fieldKey: () => 'reason',
      onDone: () => {
        setTarget(null);
        setReason('');
      },
    });
  };

  return (
    <PageShell className='rec-publicity' page='recuperationPublicity'>
      <View data-testid='recuperation-publicity'>
        <StateView loading={list.loading && !list.data} error={list.error} errorCode={list.errorCode} onRetry={list.reload}>
          {head && (
            <View className='section'>
              <Text className='section-title'>{head.title}</Text>
              <Text className='muted'>
                {head.orgName} · 共 {list.data?.total ?? 0} 人
              </Text>
              <Text className='rec-pub-until' data-testid='recuperation-pub-until'>
                {head.open ? `公示期至 ${dayTime(head.until)}，如有异议请点击名单中的“异议”并写明理由。` : '公示期已结束。'}
              </Text>
            </View>
          )}
          <View className='section'>
            {list.data?.items.map((p) => (
              <View key={p.ticket} className='rec-list-item rec-pub-item' data-testid='recuperation-pub-item'>
                <View>
                  <Text className='rec-pub-name'>{p.nameMasked}</Text>
                  <Text className='muted rec-pub-org'>{p.orgName}</Text>
                </View>
                {head?.open && (
                  <Text
                    className='rec-object'
                    data-testid='recuperation-object'
                    onClick={() => {
                      action.clearField('reason');
                      setTarget(p.ticket);
                    }}
                  >
                    异议
                  </Text>
                )}
              </View>
            ))}
            {list.data && list.data.items.length === 0 && <Text className='muted'>名单为空</Text>}
          </View>
          <LoadMore hasMore={list.hasMore} loading={list.loadingMore} error={list.moreError} onLoad={list.loadMore} />
        </StateView>
      </View>
      <ConfirmDialog
        visible={!!target}
        title='提出异议'
        confirmText='提交'
        busy={action.busy}
        className='rec-object-dialog'
        onConfirm={submit}
        onCancel={() => setTarget(null)}
      >
        <Textarea
          className='rec-input rec-textarea rec-object-reason'
          data-testid='recuperation-object-reason'
          value={reason}
          maxlength={300}
          placeholder='请写明异议理由，工会将核实处理'
          onInput={(e) => {
            setReason(e.detail.value);
            action.clearField('reason');
          }}
        />
        {reasonError && (
          <Text className='rec-field-error' data-testid='recuperation-object-error'>
            {reasonError}
          </Text>
        )}
      </ConfirmDialog>
    </PageShell>
  );
}
