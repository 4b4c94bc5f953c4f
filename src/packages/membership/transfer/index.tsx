import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import { APPLICATION_STATUS_LABELS } from '@rules/membership';
import { call, errorMessage } from '../../../api/client';
import type { Org, TransferView } from '../../../api/types';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { Field, PickerField } from '../../../components/Field';
import { OrgPicker } from '../../../components/OrgPicker/OrgPicker';
import { PageShell } from '../../../components/PageShell';
import { Row } from '../../../components/Row';
import { StateView } from '../../../components/StateView';
import { useRemote } from '../../../hooks/useRemote';
import { useSession } from '../../../stores/session';
import { ROUTES, go } from '../../../utils/nav';
import { askToSubscribe } from '../../../utils/subscribe';

/** 会员转会. e2e hooks: `.transfer-org`, `.transfer-reason textarea`, `.transfer-submit`, `.transfer-done`. */
export default function Transfer() {
  const { session, loading, error, load } = useSession();
  const tree = useRemote(() => call('org.tree', {}));
  const [to, setTo] = useState<Org | null>(null);
  const [reason, setReason] = useState('');
  const [picking, setPicking] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [done, setDone] = useState<TransferView | null>(null);

  const ask = () => {
    setFormError(null);
    if (!to) return setFormError('请选择转入的工会');
    if (reason.trim().length < 2) return setFormError('请填写转会原因');
    setConfirming(true);
  };

  const submit = async () => {
    if (!to) return;
    setSubmitting(true);
    try {
      await askToSubscribe('transferRequest'); // in the tap: WeChat asks only in answer to one
      setDone(await call('transfer.request', { toOrgId: to._id, reason: reason.trim() }));
    } catch (e) {
      setFormError(errorMessage(e));
    } finally {
      setSubmitting(false);
      setConfirming(false);
    }
  };

  const member = session?.member;
  return (
    <PageShell className='transfer' page='transfer'>
      <StateView
        loading={(loading && !session) || tree.loading}
        error={(!session && error) || tree.error}
        onRetry={() => {
          if (!session) void load();
          if (tree.error) tree.reload();
        }}
        empty={!!session && !member}
        emptyText='入会后才能办理转会'
        emptyAction={
          <Button block onClick={() => go(ROUTES.apply)}>
            立即入会
          </Button>
        }
      >
        {done ? (
          <View className='section transfer-done'>
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
              value={to?.name ?? ''}
              placeholder='请选择转入的工会'
              onOpen={() => setPicking(true)}
            />
            <Field
              label='转会原因'
              name='transfer-reason'
              multiline
              value={reason}
              maxlength={200}
              placeholder='如：工作单位变动'
              onInput={setReason}
            />
            {formError && <Text className='form-error'>{formError}</Text>}
            <Button block className='transfer-submit' loading={submitting} loadingText='提交中…' onClick={ask}>
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
            setPicking(false);
          }}
        />
      )}
      <ConfirmDialog
        visible={confirming}
        title='确认转会'
        confirmText='提交'
        busy={submitting}
        className='transfer-confirm'
        onConfirm={() => void submit()}
        onCancel={() => setConfirming(false)}
      >
        确认申请从「{member?.orgName}」转入「{to?.name}」吗？转入工会审核通过后生效。
      </ConfirmDialog>
    </PageShell>
  );
}
