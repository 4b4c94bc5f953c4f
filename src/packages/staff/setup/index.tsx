import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { call, errorMessage } from '../../../api/client';
import { Button } from '../../../components/Button';
import { Field } from '../../../components/Field';
import { PageShell } from '../../../components/PageShell';
import { useSessionStore } from '../../../stores/session';
import { ROUTES, replaceWith } from '../../../utils/nav';

/**
 * 设置首位管理员: a new environment has no administrator; the person the operator gave a one-time setup code
 * (`npm run setup-code`) types it here and becomes administrator. Reached from 我的 while no administrator exists.
 * e2e hooks: `.setup-code input`, `.setup-claim`, `.setup-error`.
 */
export default function SetupAdmin() {
  const load = useSessionStore((s) => s.load);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const claim = async () => {
    if (!code.trim()) return setError('请输入设置码');
    setError(null);
    setBusy(true);
    try {
      await call('setup.claim', { code: code.trim() });
      await load();
      void Taro.showToast({ title: '您已成为管理员', icon: 'success' });
      replaceWith(ROUTES.staffRoles);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <PageShell className='setup' page='staffSetup'>
      <View className='section'>
        <Text className='section-title'>设置首位管理员</Text>
        <Text className='muted'>
          本小程序还没有管理员。请输入运维人员提供的一次性设置码（有效期72小时，只能使用一次），输入正确后您将成为管理员，可在「角色管理」中为工会干部等授予角色。
        </Text>
        <Field
          label='设置码'
          name='setup-code'
          value={code}
          maxlength={40}
          placeholder='例如 ABCD-EFGH-JKMN-PQRS'
          error={error ?? undefined}
          onInput={setCode}
        />
        <Button block className='setup-claim' loading={busy} onClick={() => void claim()}>
          确认
        </Button>
      </View>
    </PageShell>
  );
}
