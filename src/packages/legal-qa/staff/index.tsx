import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { call } from '../../../api/client';
import { PagedList } from '../../../components/PagedList';
import { PageShell } from '../../../components/PageShell';
import { Row } from '../../../components/Row';
import { Tabs } from '../../../components/Tabs';
import { usePagedRemote } from '../../../hooks/usePagedRemote';
import { formatDateTime } from '../../../utils/format';
import { ROUTES, go } from '../../../utils/nav';
import { QuestionList } from '../components/QuestionList';
import { withQuery } from '../query';
import type { WageRow } from '../types';
import './index.scss';

type Tab = 'wages' | 'overdue';

/**
 * The union's view: 欠薪求助 routed to its subtree (to accept and handle) and online questions of its stations
 * past the promised first answer. Lists are masked; opening one is audited. Test ids `legal-qa-wage-row`.
 */
export default function StaffView() {
  const [tab, setTab] = useState<Tab>('wages');
  return (
    <PageShell className='lq-staff' page='legalQaStaff'>
      <Tabs
        prefix='lq'
        tabs={[
          { key: 'wages', label: '欠薪求助' },
          { key: 'overdue', label: '超时未答复' },
        ]}
        value={tab}
        onChange={setTab}
      />
      {tab === 'overdue' ? <OverdueQuestions /> : <Wages />}
    </PageShell>
  );
}

function OverdueQuestions() {
  const list = usePagedRemote((page) => call('legalQa.staffQueue', { overdue: true, page }), { refreshOnShow: true });
  return <QuestionList list={list} emptyText='没有超时未答复的咨询。' />;
}

function Wages() {
  const list = usePagedRemote((page) => call('legalQa.wageQueue', { page }), { refreshOnShow: true });
  return (
    <PagedList list={list} emptyText='没有待处理的欠薪求助。'>
      {(w: WageRow) => (
        <View
          key={w.wageId}
          className='lq-card'
          data-testid='legal-qa-wage-row'
          onClick={() => go(withQuery(ROUTES.legalQaWage, { id: w.wageId }))}
        >
          <Text className='lq-title'>
            {w.employerMasked} · <Text className={`tag tag-${w.status}`}>{w.statusText}</Text>
          </Text>
          <Row label='求助人'>{`${w.asker ?? ''} ${w.mobileMasked ?? ''}`}</Row>
          <Row label='拖欠'>{`${w.monthsOwed}个月 · ${w.amount}元 · 涉及${w.coworkers}人`}</Row>
          <Row label='提交时间'>{formatDateTime(w.submittedAt)}</Row>
        </View>
      )}
    </PagedList>
  );
}
