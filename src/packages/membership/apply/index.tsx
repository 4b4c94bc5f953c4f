import { useEffect, useState } from 'react';
import { View, Text } from '@tarojs/components';
import { call } from '../../../api/client';
import type { Org } from '../../../api/types';
import { Button } from '../../../components/Button';
import { OrgPicker } from '../../../components/OrgPicker/OrgPicker';
import { PageShell } from '../../../components/PageShell';
import { allLoads, StateView } from '../../../components/StateView';
import { useRemote } from '../../../hooks/useRemote';
import { sessionLoad, useSession } from '../../../stores/session';
import { ROUTES, go } from '../../../utils/nav';
import { ApplyFields } from './ApplyFields';
import { useApply } from './useApply';
import './index.scss';

const EMPLOYER = { purpose: 'employer' } as const;
const NEW_EMPLOYMENT = { purpose: 'new_employment' } as const;

/**
 * 实名入会: the form (`ApplyFields`), its state and submission (`useApply`). Test ids `membership-apply-<field>`
 * (inputs: `… input`), `membership-apply-org`, `membership-apply-consent` (its box `…-box`, `data-checked`),
 * `membership-apply-consent-error`, `membership-apply-submit`.
 */
export default function Apply() {
  const sessionState = useSession();
  const { session } = sessionState;
  const tree = useRemote(() => call('org.tree', {}));
  const apply = useApply();
  const [picking, setPicking] = useState(false);
  const pending = session?.application?.status === 'pending';
  const isNew = apply.fields.channel === 'new_employment';
  // A name the union already has for this person (an invitation, a legal-aid booking) is filled in.
  const knownName = session && !session.application ? (session.displayName ?? '') : '';
  useEffect(() => {
    if (knownName && !apply.fields.name) apply.setField('name', knownName);
  }, [knownName]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <PageShell className='apply' page='apply'>
      <StateView remote={allLoads(sessionLoad(sessionState), tree)}>
        {session?.member ? (
          <View className='section apply-already'>
            <Text className='section-title'>您已是工会会员</Text>
            <Text className='muted'>{session.member.orgName}</Text>
            <Button block onClick={() => go(ROUTES.card)}>
              出示电子工会卡
            </Button>
          </View>
        ) : (
          <View className='section apply-form'>
            <Text className='section-title'>实名入会</Text>
            {pending && <Text className='apply-note apply-pending-note'>您已有一份待审核的申请，再次提交将更新该申请。</Text>}
            <ApplyFields apply={apply} onPickOrg={() => setPicking(true)} />
            <Button
              className='apply-submit'
              testId='membership-apply-submit'
              block
              loading={apply.act.busy}
              loadingText='提交中…'
              onClick={apply.submit}
            >
              提交申请
            </Button>
            <Text className='muted apply-privacy'>身份证号仅用于实名核验，加密保存，页面只显示部分号码。</Text>
          </View>
        )}
      </StateView>
      {picking && tree.data && (
        <OrgPicker
          orgs={tree.data.orgs}
          filter={isNew ? NEW_EMPLOYMENT : EMPLOYER}
          onClose={() => setPicking(false)}
          onSelect={(o: Org) => {
            apply.setOrg(o._id, o.name);
            setPicking(false);
          }}
        />
      )}
    </PageShell>
  );
}
