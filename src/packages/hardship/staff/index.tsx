import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { call } from '../../../api/client';
import { Button } from '../../../components/Button';
import { PageShell } from '../../../components/PageShell';
import { PagedList } from '../../../components/PagedList';
import { Row } from '../../../components/Row';
import { useAction } from '../../../hooks/useAction';
import { usePagedRemote } from '../../../hooks/usePagedRemote';
import { formatDate } from '../../../utils/format';
import { ROUTES, go } from '../../../utils/nav';
import { openExport } from '../../../utils/openExport';
import { Choices } from '../../../components/Choices';
import { FileCard } from './FileCard';
import { PublishForm } from './PublishForm';
import './index.scss';

type View3 = 'submitted' | 'visited' | 'files';
const TABS: Array<{ key: View3; label: string }> = [
  { key: 'submitted', label: '待入户调查' },
  { key: 'visited', label: '待认定' },
  { key: 'files', label: '困难职工档案' },
];

/**
 * 困难帮扶审核 for union staff (their subtree): applications waiting for the home visit or the decision, oldest
 * first, and the files (due for re-check first) with help and re-check; the 公示 of newly 认定 families and the
 * Excel export. Test ids: `hardship-tab-<key>`, `hardship-queue-item`, `hardship-file-card`, `hardship-export`,
 * `hardship-publicities`.
 */
export default function HardshipQueue() {
  // The 档案复核 tile of 工作台 opens the files (?tab=files); 困难帮扶 opens the applications.
  const { params } = useRouter();
  const [tab, setTab] = useState<View3>(TABS.some((t) => t.key === params.tab) ? (params.tab as View3) : 'submitted');
  const cases = usePagedRemote((page) => call('hardship.queue', { status: tab === 'files' ? 'submitted' : tab, page }), {
    refreshOnShow: true,
    deps: [tab],
  });
  const files = usePagedRemote((page) => call('hardship.files', { page }), { refreshOnShow: true });
  const act = useAction();
  const exportFiles = () =>
    void act.run(() => call('hardship.export', {}), { onDone: (link) => void openExport(link.url, '困难职工档案.xlsx') });
  return (
    <PageShell className='hs-staff' page='hardshipQueue'>
      <Choices options={TABS} value={tab} testId='hardship-tab' onChange={setTab} />
      {tab === 'files' ? (
        <View>
          <View className='hs-card hs-actions'>
            <Button kind='plain' testId='hardship-publicities' onClick={() => go(ROUTES.hardshipPublicity)}>
              困难职工公示
            </Button>
            <Button kind='plain' testId='hardship-export' disabled={act.busy} onClick={exportFiles}>
              导出档案
            </Button>
          </View>
          <PublishForm files={files.data?.items ?? []} onDone={files.reload} />
          <PagedList list={files} emptyText='还没有困难职工档案。认定通过的申请会在这里建档。'>
            {(f) => <FileCard key={f.fileId} file={f} onChanged={files.reload} />}
          </PagedList>
        </View>
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
