import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import { APPLICATION_STATUS_LABELS } from '@rules/membership';
import { call } from '../../../api/client';
import type { Org, TransferView } from '../../../api/types';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { Field, PickerField } from '../../../components/Field';
import { OrgPicker } from '../../../components/OrgPicker/OrgPicker';
import { PageShell } from '../../../components/PageShell';
import { Row } from '../../../components/Row';
import { allLoads, StateView } from '../../../components/StateView';
import { useAction } from '../../../hooks/useAction';
import { useRemote } from '../../../hooks/useRemote';
import { sessionLoad, useSession } from '../../../stores/session';
import { ROUTES, go } from '../../../utils/nav';
import { askToSubscribe } from '../../../utils/subscribe';

/**
 * 会员转会. Errors show under the union or the reason (else in one dialog). Test ids: `membership-transfer-org`,
 * `membership-transfer-reason` (`… textarea`), `membership-transfer-submit`, `membership-transfer-done`.
 */
export default function Transfer() {
  const sessionState = useSession();
  const { session } = sessionState;
  const tree = useRemote(() => call('org.tree', {}));
  const [to, setTo] = useState<Org | null>(null);
  const [reason, setReason] = useState('');
  const [picking, setPicking] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const act = useAction();
  const [done, setDone] = useState<TransferView | null>(null);

  const ask = () => {
    if (!to) return act.setFieldErrors({ toOrgId: '请选择转入的工会' });
    if (reason.trim().length < 2) return act.setFieldErrors({ reason: '请填写转会原因' });
    act.setFieldErrors({});
    setConfirming(true);
  };

  const submit = async () => {
    if (!to) return;
    await act.run(
      async () => {
        await askToSubscribe('transferRequest'); // in the tap: WeChat asks only in answer to one
        return call('transfer.request', { toOrgId: to._id, reason: reason.trim() });
      },
      { failTitle: '转会申请未成功', fieldKey: (f) => (f === 'toOrgId' || f === 'reason' ? f : undefined), onDone: setDone },
    );
    setConfirming(false);
  };

  const member = session?.member;
  return (
    <PageShell className='transfer' page='transfer'>
      <StateView
        remote={allLoads(sessionLoad(sessionState), tree)}
        empty={!!session && !member}
        emptyText='入会后才能办理转会'
        emptyAction={
          <Button block onClick={() => go(ROUTES.apply)}>
            立即入会
          </Button>
        }
      >
        {done ? (
          <View className='section transfer-done' data-testid='membership-transfer-done'>
            <Text className='section-title'>转会申请已提交</Text>
            <Row label='转入工会'>{done.toOrgName}</Row>
            <Row label='状态' valueClassName={`tag tag-${done.status}`}>
              {APPLICATION_STATUS_LABELS[done.status]}
            </Row>
            <Text className='muted'>转入工会审核后，结果会显示在“我的申请”中。</Text>
            <Button block kind='plain' onClick={() => go(ROUTES.me)}>
              返回我的
            </Button>
          </View>
        ) : (
          <View className='section'>
            <Row label='当前工会'>{member?.orgName}</Row>
            <PickerField
              label='转入工会'
              name='transfer-org'
              testId='membership-transfer-org'
              value={to?.name ?? ''}
              error={act.fieldErrors.toOrgId}
              placeholder='请选择转入的工会'
              onOpen={() => setPicking(true)}
            />
            <Field
              label='转会原因'
              name='transfer-reason'
              testId='membership-transfer-reason'
              multiline
              value={reason}
              maxlength={200}
              placeholder='如：工作单位变动'
              {...act.field('reason', setReason)}
            />
            <Button
              block
              className='transfer-submit'
              testId='membership-transfer-submit'
              loading={act.busy}
              loadingText='提交中…'
              onClick={ask}
            >
              提交转会申请
            </Button>
          </View>
        )}
      </StateView>
      {picking && tree.data && (
        <OrgPicker
          orgs={tree.data.orgs.filter((o) => o._id !== member?.orgId)}
          filter={{ purpose: member?.channel ?? 'employer' }}
          title='选择转入的工会'
          onClose={() => setPicking(false)}
          onSelect={(o) => {
            setTo(o);
            act.clearField('toOrgId');
            setPicking(false);
          }}
        />
      )}
      <ConfirmDialog
        visible={confirming}
        title='确认转会'
        confirmText='提交'
        busy={act.busy}
        className='transfer-confirm'
        testId='membership-transfer-confirm'
        onConfirm={() => void submit()}
        onCancel={() => setConfirming(false)}
      >
        确认申请从「{member?.orgName}」转入「{to?.name}」吗？转入工会审核通过后生效。
      </ConfirmDialog>
    </PageShell>
  );
}
