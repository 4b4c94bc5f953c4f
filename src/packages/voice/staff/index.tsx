import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { VoiceStatus } from '@rules/voice';
import { call } from '../../../api/client';
import { PageShell } from '../../../components/PageShell';
import { PagedList } from '../../../components/PagedList';
import { Row } from '../../../components/Row';
import { usePagedRemote } from '../../../hooks/usePagedRemote';
import { formatDate } from '../../../utils/format';
import { ROUTES, go } from '../../../utils/nav';
import { Choices } from '../../../components/Choices';
import { Tally } from './Tally';
import './index.scss';

type Tab = 'open' | 'replied' | 'closed' | 'tally';
const TABS: Array<{ key: Tab; label: string }> = [
  { key: 'open', label: '待办理' },
  { key: 'replied', label: '已答复' },
  { key: 'closed', label: '已办结' },
  { key: 'tally', label: '安康杯统计' },
];

/**
 * 职工建言办理 for union staff (their subtree): reports waiting for the union oldest first (no reporter names in the
 * list: they are on the detail page, audited), answered and closed ones, and the monthly tallies. Test ids:
 * `voice-tab-<key>`, `voice-queue-item`.
 */
export default function VoiceQueue() {
  const [tab, setTab] = useState<Tab>('open');
  const status: VoiceStatus | undefined = tab === 'replied' || tab === 'closed' ? tab : undefined;
  const list = usePagedRemote((page) => call('voice.queue', { ...(status ? { status } : {}), page }), {
    refreshOnShow: true,
    deps: [tab],
  });
  return (
    <PageShell className='vc-staff' page='voiceQueue'>
      <Choices options={TABS} value={tab} testId='voice-tab' onChange={setTab} />
      {tab === 'tally' ? (
        <Tally />
      ) : (
        <PagedList list={list} emptyText={tab === 'open' ? '没有待办理的建言' : '暂无记录'}>
          {(r) => (
            <View
              key={r.reportId}
              className='vc-card'
              data-testid='voice-queue-item'
              onClick={() => go(`${ROUTES.voiceDetail}?id=${encodeURIComponent(r.reportId)}`)}
            >
              <Text className='vc-title'>
                {r.kindText} · {r.statusText}
                {r.adopted && <Text className='vc-badge'>已采纳</Text>}
              </Text>
              <Row label='内容'>{r.title}</Row>
              {r.urgencyText && (
                <Row label='紧急程度'>
                  <Text className={r.urgency === 'critical' ? 'vc-urgency-critical' : ''}>{r.urgencyText}</Text>
                </Row>
              )}
              <Row label='单位'>{r.orgName}</Row>
              <Row label='提交日期'>{formatDate(r.submittedAt)}</Row>
            </View>
          )}
        </PagedList>
      )}
    </PageShell>
  );
}
