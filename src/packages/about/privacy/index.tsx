import { PRIVACY_POLICY_VERSION } from '@rules/membership';
import { PageShell } from '../../../components/PageShell';
import { Doc } from '../Doc';
import { PRIVACY_INTRO, PRIVACY_SECTIONS } from './text';

/** 隐私政策 (linked from the consent box of 实名入会 and from 我的). */
export default function Privacy() {
  return (
    <PageShell className='doc-page privacy' page='privacy' testId='about-privacy'>
      <Doc title='隐私政策' version={PRIVACY_POLICY_VERSION} intro={PRIVACY_INTRO} sections={PRIVACY_SECTIONS} />
    </PageShell>
  );
}
