import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { call } from '../../../api/client';
import { PageShell } from '../../../components/PageShell';
import { PagedList } from '../../../components/PagedList';
import { ObjectButton, ObjectionDialog, PublicityWindow } from '../../../components/publicity';
import { Row } from '../../../components/Row';
import { StateView } from '../../../components/StateView';
import { usePagedRemote } from '../../../hooks/usePagedRemote';
import { useRemote } from '../../../hooks/useRemote';
import { hasRole, useSession } from '../../../stores/session';
import { formatDate } from '../../../utils/format';
import { ROUTES, go } from '../../../utils/nav';
import { PublicityStaffPanel } from './StaffPanel';
import './index.scss';

/**
 * 困难职工公示: without `id`, the 公示 of the member's unions (staff: of their subtree); with `id`, one 公示 —
 * names masked, unit, level, help planned — where a member of the publishing union's subtree objects to a family
 * (not their own) while it is open; staff of the district resolve objections, withdraw or end it below.
 * Test ids: `hardship-publicity-item`, `hardship-pub-title`, `hardship-pub-until`, `hardship-pub-row`,
 * `hardship-object`, `hardship-object-reason`, `hardship-object-error`.
 */
export default function HardshipPublicity() {
  const { params } = useRouter();
  const id = String(params.id ?? '');
  return <PageShell page='hardshipPublicity'>{id ? <OnePublicity id={id} /> : <PublicityList />}</PageShell>;
}

function PublicityList() {
  const list = usePagedRemote((page) => call('hardship.publicities', { page }), { refreshOnShow: true });
  return (
    <PagedList list={list} emptyText='暂无困难职工公示'>
      {(p) => (
        <View
          key={p.publicityId}
          className='hs-card'
          data-testid='hardship-publicity-item'
          onClick={() => go(`${ROUTES.hardshipPublicity}?id=${encodeURIComponent(p.publicityId)}`)}
        >
          <Text className='hs-title'>{p.title}</Text>
          <Row label='发布单位'>{p.orgName}</Row>
          <Row label='公示状态'>{p.statusText}</Row>
          <Row label='公示期'>
            {formatDate(p.publishedAt)} 至 {formatDate(p.until)}
          </Row>
        </View>
      )}
    </PagedList>
  );
}

function OnePublicity({ id }: { id: string }) {
  const p = useRemote(() => call('hardship.publicity', { publicityId: id }), { deps: [id], refreshOnShow: true });
  const { session } = useSession();
  const staff = !!session && (session.isAdmin || hasRole(session, 'staff'));
  const [target, setTarget] = useState<string | null>(null);
  const d = p.data;
  return (
    <StateView remote={p}>
      {d && (
        <View>
          <View className='hs-card'>
            <Text className='hs-title' data-testid='hardship-pub-title'>
              {d.title}
            </Text>
            <Text className='muted'>
              {d.orgName} · {d.statusText} · 共 {d.rows.length} 户（姓名已隐去）
            </Text>
            <PublicityWindow
              open={d.open}
              until={d.until}
              where='名单中的“异议”'
              closedText={d.status === 'final' ? '公示期已结束，无异议的家庭将按计划发放帮扶资金。' : '公示已结束。'}
              className='hs-pub-until'
              testId='hardship-pub-until'
            />
          </View>
          <View className='hs-card'>
            {d.rows.map((r) => (
              <View key={r.ticket} className='hs-pub-row' data-testid='hardship-pub-row'>
                <View className={r.removed ? 'hs-pub-removed' : ''}>
                  <Text className='hs-title'>
                    {r.displayName} · {r.levelText}
                  </Text>
                  <Text className='muted'>
                    {r.orgName} · 拟帮扶：{r.helpPlanned}
                    {r.removed ? '（异议成立，已撤销）' : ''}
                    {r.mine ? '（本人家庭）' : ''}
                  </Text>
                </View>
                {d.open && !r.mine && !r.removed && (
                  <ObjectButton className='hs-object' testId='hardship-object' onClick={() => setTarget(r.ticket)} />
                )}
              </View>
            ))}
          </View>
          {staff && <PublicityStaffPanel publicity={d} onChanged={p.reload} />}
        </View>
      )}
      <ObjectionDialog
        target={target ? { ticket: target } : null}
        checkedBy='区（县）总工会'
        file={(ticket, reason) => call('hardship.object', { publicityId: id, ticket, reason })}
        onClose={() => setTarget(null)}
        testIdPrefix='hardship'
        classPrefix='hs'
      />
    </StateView>
  );
}
