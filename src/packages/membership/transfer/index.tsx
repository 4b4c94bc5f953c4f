import { useState } from 'react';
import { View, Text, Textarea } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { call, errorMessage } from '../../../api/client';
import type { Org, TransferView } from '../../../api/types';
import { PageShell } from '../../../components/PageShell';
import { StateView } from '../../../components/StateView';
import { useRemote } from '../../../hooks/useRemote';
import { STATUS_TEXT } from '../../../utils/format';
import { ROUTES, go } from '../../../utils/nav';
import { OrgPicker } from '../components/OrgPicker';
import '../components/Field.scss';
import './index.scss';
import { Row } from '../../../components/Row';

async function loadTransferContext() {
  const [session, tree] = await Promise.all([call('session.get', {}), call('org.tree', {})]);
  return { session, orgs: tree.orgs };
}

export default function Transfer() {
  const remote = useRemote(loadTransferContext);
  const [to, setTo] = useState<Org | null>(null);
  const [reason, setReason] = useState('');
  const [picking, setPicking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [done, setDone] = useState<TransferView | null>(null);

  const submit = async () => {
    setError(null);
    if (!to) return setError('请选择转入的工会');
    if (!reason.trim()) return setError('请填写转会原因');
    const ok = await Taro.showModal({ title: '确认转会', content: `确认申请转入「${to.name}」吗？` });
    if (!ok.confirm) return;
    setSubmitting(true);
    try {
      setDone(await call('transfer.request', { toOrgId: to._id, reason: reason.trim() }));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSubmitting(false);
    }
  };

  const member = remote.data?.session.member;
  return (
    <PageShell className='transfer'>
      <StateView
        loading={remote.loading}
        error={remote.error}
        onRetry={remote.reload}
        empty={!!remote.data && !member}
        emptyText='入会后才能办理转会'
        emptyAction={
          <View className='btn' onClick={() => go(ROUTES.apply)}>
            立即入会
          </View>
        }
      >
        {done ? (
          <View className='section transfer-done'>
            <Text className='section-title'>转会申请已提交</Text>
            <Text className='muted'>
              转入：{done.toOrgName ?? to?.name}，状态：{STATUS_TEXT[done.status] ?? done.status}
            </Text>
            <View className='btn btn-plain' onClick={() => go(ROUTES.me)}>
              返回我的
            </View>
          </View>
        ) : (
          <View className='section'>
            <Row label='当前工会'>{member?.orgName}</Row>
            <View className='field'>
              <View className='field-row transfer-org' onClick={() => setPicking(true)}>
                <Text className='field-label'>转入工会</Text>
                <Text className={`field-picker-value ${to ? '' : 'field-placeholder'}`}>{to?.name ?? '请选择'}</Text>
                <Text className='muted'>›</Text>
              </View>
            </View>
            <View className='field'>
              <Text className='field-label'>转会原因</Text>
              <Textarea
                className='transfer-reason'
                value={reason}
                maxlength={200}
                placeholder='如：工作单位变动'
                onInput={(e) => setReason(e.detail.value)}
              />
            </View>
            {error && <Text className='form-error'>{error}</Text>}
            <View
              className={`btn transfer-submit ${submitting ? 'btn-disabled' : ''}`}
              onClick={() => !submitting && void submit()}
            >
              {submitting ? '提交中…' : '提交转会申请'}
            </View>
          </View>
        )}
      </StateView>
      {picking && remote.data && (
        <OrgPicker
          orgs={remote.data.orgs.filter((o) => o._id !== member?.orgId)}
          onlyNewEmployment={false}
          onClose={() => setPicking(false)}
          onSelect={(o) => {
            setTo(o);
            setPicking(false);
          }}
        />
      )}
    </PageShell>
  );
}
