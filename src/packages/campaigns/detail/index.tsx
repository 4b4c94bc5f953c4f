import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { EntryStatus, MemberGroup } from '@rules/campaigns';
import { call } from '../../../api/client';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { PageShell } from '../../../components/PageShell';
import { PagedList } from '../../../components/PagedList';
import { Row } from '../../../components/Row';
import { StateView } from '../../../components/StateView';
import { useAction } from '../../../hooks/useAction';
import { usePagedRemote } from '../../../hooks/usePagedRemote';
import { useRemote } from '../../../hooks/useRemote';
import { formatDateTime } from '../../../utils/format';
import { ROUTES, go } from '../../../utils/nav';
import { openExport } from '../../../utils/openExport';
import { Choices } from '../../../components/Choices';
import { BuildList } from './BuildList';
import './index.scss';

const TABS: Array<{ key: EntryStatus; label: string }> = [
  { key: 'listed', label: '待领取' },
  { key: 'collected', label: '已领取' },
];

/**
 * 发放名单 of one campaign for the staff running it: counts, building the list from the 困难职工档案 and from
 * members flagged 户外劳动者 / 新就业形态 (of the campaign's union), who waits and who collected (masked names),
 * removing someone, Excel, closing. Building the list is BuildList. Test ids: `campaigns-detail-counts`,
 * `campaigns-tab-<status>`, `campaigns-entry`,
 * `campaigns-entry-remove`, `campaigns-export`, `campaigns-close`, `campaigns-go-handout`, `campaigns-confirm`.
 */
export default function CampaignDetail() {
  const { params } = useRouter();
  const campaignId = String(params.id ?? '');
  const act = useAction();
  const campaign = useRemote(() => call('campaigns.get', { campaignId }), { deps: [campaignId], refreshOnShow: true });
  const [tab, setTab] = useState<EntryStatus>('listed');
  const entries = usePagedRemote((page) => call('campaigns.entries', { campaignId, status: tab, page }), {
    deps: [campaignId, tab],
    refreshOnShow: true,
  });
  const [groups, setGroups] = useState<MemberGroup[]>(['outdoor']);
  const [added, setAdded] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<{ title: string; text: string; run: () => Promise<unknown> } | null>(null);
  const c = campaign.data;
  const reload = () => {
    campaign.reload();
    entries.reload();
  };
  const build = (work: () => Promise<{ added: number; already: number }>) =>
    act.run(work, {
      failTitle: '未能生成名单',
      onDone: (r) => {
        setAdded(`新增 ${r.added} 人${r.already ? `，${r.already} 人已在名单上` : ''}`);
        reload();
      },
    });

  return (
    <PageShell className='cp-detail' page='campaignsDetail'>
      <StateView remote={campaign}>
        {c && (
          <View>
            <View className='cp-card'>
              <Text className='cp-title'>
                {c.title} · {c.statusLabel}
              </Text>
              <Text className='cp-gift'>{c.gift}</Text>
              <Row label='领取时间'>
                {c.startDate} 至 {c.endDate}
              </Row>
              <Row label='领取点'>{c.stations.map((s) => s.name).join('、')}</Row>
              <Row label='发放情况' valueTestId='campaigns-detail-counts'>
                待领取 {c.counts.listed} 人，已领取 {c.counts.collected} 人
              </Row>
              <View className='cp-actions'>
                {c.status === 'open' && (
                  <Button
                    small
                    testId='campaigns-go-handout'
                    onClick={() => go(`${ROUTES.campaignsHandout}?id=${encodeURIComponent(c._id)}`)}
                  >
                    去发放
                  </Button>
                )}
                <Button
                  small
                  kind='plain'
                  testId='campaigns-export'
                  disabled={act.busy}
                  onClick={() =>
                    void act.run(() => call('campaigns.export', { campaignId }), {
                      onDone: (l) => void openExport(l.url, `${c.title}-发放名单.xlsx`),
                    })
                  }
                >
                  导出Excel
                </Button>
                {c.status === 'open' && c.canManage && (
                  <Button
                    small
                    kind='quiet'
                    testId='campaigns-close'
                    onClick={() =>
                      setConfirm({
                        title: '结束活动',
                        text: '结束后各领取点不能再发放，未领取的会员将不再收到提醒。确定结束吗？',
                        run: () => call('campaigns.close', { campaignId }),
                      })
                    }
                  >
                    结束活动
                  </Button>
                )}
              </View>
            </View>
            {c.status === 'open' && c.canManage && (
              <BuildList
                orgName={c.orgName}
                groups={groups}
                added={added}
                busy={act.busy}
                onGroups={setGroups}
                onAddHardship={() => void build(() => call('campaigns.addFromHardship', { campaignId }))}
                onAddMembers={() => void build(() => call('campaigns.addFromMembers', { campaignId, orgIds: [c.orgId], groups }))}
              />
            )}
            <View className='cp-card'>
              <Choices options={TABS} value={tab} testId='campaigns-tab' onChange={setTab} />
              <PagedList list={entries} emptyText={tab === 'listed' ? '名单上暂无待领取的会员' : '还没有人领取'}>
                {(e) => (
                  <View key={e.openid} className='cp-entry' data-testid='campaigns-entry'>
                    <Row label={`${e.nameMasked} · ${e.orgName}`}>
                      {e.sourceLabels.join('、')}
                      {e.collectedAt ? ` · ${formatDateTime(e.collectedAt)} ${e.stationName}` : ''}
                    </Row>
                    {e.status === 'listed' && c.status === 'open' && (
                      <Button
                        small
                        kind='quiet'
                        testId='campaigns-entry-remove'
                        onClick={() =>
                          setConfirm({
                            title: '移出名单',
                            text: `确定将${e.nameMasked}移出本次发放名单吗？`,
                            run: () => call('campaigns.removeEntry', { campaignId, openid: e.openid }),
                          })
                        }
                      >
                        移出
                      </Button>
                    )}
                  </View>
                )}
              </PagedList>
            </View>
          </View>
        )}
      </StateView>
      <ConfirmDialog
        visible={!!confirm}
        title={confirm?.title ?? ''}
        busy={act.busy}
        testId='campaigns-confirm'
        onCancel={() => setConfirm(null)}
        onConfirm={() => {
          const pending = confirm;
          if (!pending) return;
          void act.run(pending.run, {
            success: '已完成',
            onDone: () => {
              setConfirm(null);
              reload();
            },
            onFail: () => setConfirm(null),
          });
        }}
      >
        <Text>{confirm?.text}</Text>
      </ConfirmDialog>
    </PageShell>
  );
}
