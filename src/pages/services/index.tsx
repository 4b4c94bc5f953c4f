import { View, Text } from '@tarojs/components';
import { useEffect } from 'react';
import { PageShell } from '../../components/PageShell';
import { StateView } from '../../components/StateView';
import { hasRole, useSessionStore } from '../../stores/session';
import { ROUTES, go, comingSoon } from '../../utils/nav';
import './index.scss';

interface Tile {
  key: string;
  label: string;
  url?: string;
}

const SERVICES: Tile[] = [
  { key: 'apply', label: '入会申请', url: ROUTES.apply },
  { key: 'card', label: '电子工会卡', url: ROUTES.card },
  { key: 'transfer', label: '会员转会', url: ROUTES.transfer },
  { key: 'legal', label: '法律援助', url: ROUTES.legalAid },
  { key: 'trip', label: '疗休养' },
  { key: 'contest', label: '技能竞赛' },
  { key: 'social', label: '单身联谊' },
  { key: 'merchant', label: '普惠商户' },
];

function Grid({ tiles }: { tiles: Tile[] }) {
  return (
    <View className='svc-grid'>
      {tiles.map((t) => (
        <View key={t.key} className={`svc-tile svc-tile-${t.key}`} onClick={() => (t.url ? go(t.url) : comingSoon(t.label))}>
          <Text className='svc-tile-label'>{t.label}</Text>
          {!t.url && <Text className='svc-tile-soon'>即将开放</Text>}
        </View>
      ))}
    </View>
  );
}

export default function Services() {
  const { session, loading, error, load } = useSessionStore();
  useEffect(() => {
    void load();
  }, [load]);
  const isStaff = hasRole(session, 'staff', 'admin');
  const isAdmin = hasRole(session, 'admin');
  const workbench: Tile[] = [
    { key: 'reviews', label: '入会审核', url: ROUTES.staffReviews },
    { key: 'transfers', label: '转会审核', url: ROUTES.staffTransfers },
    ...(isAdmin
      ? [
          { key: 'roles', label: '角色管理', url: ROUTES.staffRoles },
          { key: 'audit', label: '操作日志', url: ROUTES.staffAudit },
        ]
      : []),
  ];
  return (
    <PageShell className='services'>
      <View className='section'>
        <Text className='section-title'>会员服务</Text>
        <Grid tiles={SERVICES} />
      </View>
      <StateView loading={loading && !session} error={!session ? error : null} onRetry={() => void load()}>
        {isStaff && (
          <View className='section svc-workbench'>
            <Text className='section-title'>工作台</Text>
            <Grid tiles={workbench} />
          </View>
        )}
      </StateView>
    </PageShell>
  );
}
