import { useState } from 'react';
import { call } from '../../../api/client';
import { PageShell } from '../../../components/PageShell';
import { Tabs } from '../../../components/Tabs';
import { usePagedRemote } from '../../../hooks/usePagedRemote';
import { QuestionList } from '../components/QuestionList';
import './index.scss';

type View = 'waiting' | 'answered';

/** The duty lawyer's desk: questions of their station waiting for an answer (soonest due first), and answered ones. */
export default function Desk() {
  const [tab, setTab] = useState<View>('waiting');
  const list = usePagedRemote((page) => call('legalQa.queue', { status: tab, page }), { refreshOnShow: true, deps: [tab] });
  return (
    <PageShell className='lq-desk' page='legalQaDesk'>
      <Tabs
        prefix='lq'
        tabs={[
          { key: 'waiting', label: '待答复' },
          { key: 'answered', label: '已答复' },
        ]}
        value={tab}
        onChange={setTab}
      />
      <QuestionList list={list} emptyText={tab === 'waiting' ? '没有待答复的咨询。' : '还没有答复过的咨询。'} />
    </PageShell>
  );
}
