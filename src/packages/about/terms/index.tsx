import { PRIVACY_POLICY_VERSION } from '@rules/membership';
import { PageShell } from '../../../components/PageShell';
import { Doc } from '../Doc';
import { useHotline } from '../../../utils/hotline';
import { TERMS_INTRO, termsSections } from './text';

/** 用户协议 (linked from the consent box of 实名入会 and from 我的). */
export default function Terms() {
  const hotline = useHotline();
  return (
    <PageShell className='doc-page terms' page='terms' testId='about-terms'>
      <Doc title='用户协议' version={PRIVACY_POLICY_VERSION} intro={TERMS_INTRO} sections={termsSections(hotline)} />
    </PageShell>
  );
}
