import { View, Text } from '@tarojs/components';
import { call } from '../../api/client';
import { PageShell } from '../../components/PageShell';
import { StateView } from '../../components/StateView';
import { TileGrid, type GridTile } from '../../components/TileGrid';
import { tiles } from '../../features';
import { useRemote } from '../../hooks/useRemote';
import { useCareMode } from '../../stores/careMode';
import { sessionLoad, useSession } from '../../stores/session';
import { useSettings } from '../../stores/settings';
import { workbenchFor } from '../../utils/workbench';

/** 服务: every area (from the feature list) and, for staff, the 工作台 with what waits for them. */
export default function Services() {
  const sessionState = useSession({ refreshOnShow: true });
  const { session } = sessionState;
  const areas = useSettings()?.areas;
  // 关怀模式: three a row, so that the larger labels still fit on one line.
  const columns = useCareMode((s) => s.enabled) ? 3 : 4;
  const workbench = workbenchFor(session, areas);
  const hasWorkbench = workbench.length > 0;
  const summary = useRemote(() => (hasWorkbench ? call('workbench.summary', {}) : Promise.resolve(null)), {
    refreshOnShow: true,
    deps: [hasWorkbench],
  });
  const counts: Record<string, number> = summary.data?.counts ?? {};
  const overdue: Record<string, number> = summary.data?.overdue ?? {};
  const staffTiles: GridTile[] = workbench.map((t) => ({
    ...t,
    count: t.count ? counts[t.count] : undefined,
    overdue: t.count ? overdue[t.count] : undefined,
  }));

  return (
    <PageShell className='services' testId='services'>
      <View className='section'>
        <Text className='section-title'>会员服务</Text>
        <TileGrid tiles={tiles('services', areas)} columns={columns} testId='services-grid' />
      </View>
      <StateView remote={sessionLoad(sessionState)}>
        {hasWorkbench && (
          <View className='section svc-workbench'>
            <Text className='section-title'>工作台</Text>
            <TileGrid tiles={staffTiles} columns={columns} testId='services-workbench' />
          </View>
        )}
      </StateView>
    </PageShell>
  );
}
