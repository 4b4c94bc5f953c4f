import { PRIVACY_POLICY_VERSION } from '@rules/membership';
import { PageShell } from '../../../components/PageShell';
import { Doc } from '../Doc';
import { useHotline } from '../../../utils/hotline';
import { PRIVACY_INTRO, privacySections } from './text';

/** 隐私政策 (linked from the consent box of 实名入会 and from 我的), naming the union's hotline (settings). */
export default function Privacy() {
  const hotline = useHotline();
  return (
    <PageShell className='doc-page privacy' page='privacy' testId='about-privacy'>
      <Doc title='隐私政策' version={PRIVACY_POLICY_VERSION} intro={PRIVACY_INTRO} sections={privacySections(hotline)} />
    </PageShell>
  );
}
