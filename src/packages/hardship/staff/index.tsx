import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { call } from '../../../api/client';
import { PageShell } from '../../../components/PageShell';
import { PagedList } from '../../../components/PagedList';
import { Row } from '../../../components/Row';
import { usePagedRemote } from '../../../hooks/usePagedRemote';
import { formatDate } from '../../../utils/format';
import { ROUTES, go } from '../../../utils/nav';
import { Choices } from '../components/Choices';
import { FileCard } from './FileCard';
import './index.scss';

type View3 = 'submitted' | 'visited' | 'files';
const TABS: Array<{ key: View3; label: string }> = [
  { key: 'submitted', label: '待入户调查' },
  { key: 'visited', label: '待认定' },
  { key: 'files', label: '困难职工档案' },
];

/**
 * 困难帮扶审核 for union staff (their subtree): applications waiting for the home visit or the decision, oldest
 * first, and the files (due for re-check first) with help and re-check. Test ids: `hardship-tab-<key>`,
 * `hardship-queue-item`, `hardship-file-card`.
 */
export default function HardshipQueue() {
  const [tab, setTab] = useState<View3>('submitted');
  const cases = usePagedRemote((page) => call('hardship.queue', { status: tab === 'files' ? 'submitted' : tab, page }), {
    refreshOnShow: true,
    deps: [tab],
  });
  const files = usePagedRemote((page) => call('hardship.files', { page }), { refreshOnShow: true });
  return (
    <PageShell className='hs-staff' page='hardshipQueue'>
      <Choices options={TABS} value={[tab]} testId='hardship-tab' onChange={([k]) => setTab(k)} />
      {tab === 'files' ? (
        <PagedList list={files} emptyText='还没有困难职工档案。认定通过的申请会在这里建档。'>
          {(f) => <FileCard key={f.fileId} file={f} onChanged={files.reload} />}
        </PagedList>
      ) : (
        <PagedList list={cases} emptyText={tab === 'submitted' ? '没有等待入户调查的申请' : '没有等待认定的申请'}>
          {(c) => (
            <View
              key={c.caseId}
              className='hs-card'
              data-testid='hardship-queue-item'
              onClick={() => go(`${ROUTES.hardshipCase}?id=${encodeURIComponent(c.caseId)}`)}
            >
              <Text className='hs-title'>
                {c.name} · {c.orgName}
              </Text>
              <Row label='提交日期'>{formatDate(c.submittedAt)}</Row>
              <Row label='家庭人口'>
                {c.householdSize} 人，月人均 {c.incomePerHead} 元
              </Row>
              <Row label='致困原因'>{c.causes.join('、')}</Row>
            </View>
          )}
        </PagedList>
      )}
    </PageShell>
  );
}
