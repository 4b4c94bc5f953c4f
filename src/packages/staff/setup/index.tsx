import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import { call } from '../../../api/client';
import { Button } from '../../../components/Button';
import { Field } from '../../../components/Field';
import { PageShell } from '../../../components/PageShell';
import { useAction } from '../../../hooks/useAction';
import { useSessionStore } from '../../../stores/session';
import { ROUTES, replaceWith } from '../../../utils/nav';

/**
 * 设置首位管理员: a new environment has no administrator; the person the operator gave a one-time setup code
 * (`npm run setup-code`) types it here and becomes administrator. Reached from 我的 while no administrator exists.
 * A refused code is explained under the field. Test ids: `staff-setup-code` (`… input`), `staff-setup-claim`.
 */
export default function SetupAdmin() {
  const load = useSessionStore((s) => s.load);
  const [code, setCode] = useState('');
  const act = useAction();

  const claim = () => {
    if (!code.trim()) return act.setFieldErrors({ code: '请输入设置码' });
    void act.run(
      async () => {
        await call('setup.claim', { code: code.trim() });
        await load();
      },
      {
        success: '您已成为管理员',
        failTitle: '未能设置管理员',
        // Every refusal of a code (wrong, used, expired) is about the code: it shows under the field.
        fieldKey: () => 'code',
        onDone: () => replaceWith(ROUTES.staffRoles),
      },
    );
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
          testId='staff-setup-code'
          value={code}
          maxlength={40}
          placeholder='例如 ABCD-EFGH-JKMN-PQRS'
          {...act.field('code', setCode)}
        />
        <Button block className='setup-claim' testId='staff-setup-claim' loading={act.busy} onClick={claim}>
          确认
        </Button>
      </View>
    </PageShell>
  );
}
