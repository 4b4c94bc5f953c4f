import { Text, View } from '@tarojs/components';
import { call } from '../../../../api/client';
import { LoadMore } from '../../../../components/LoadMore';
import { PageShell } from '../../../../components/PageShell';
import { StateView } from '../../../../components/StateView';
import { usePagedRemote } from '../../../../hooks/usePagedRemote';
import { RegistrationList } from '../../components/RegistrationList';
import '../../competitions.scss';

/**
 * 单位推荐: registrations of the staffer's own members waiting for their union, across competitions — check
 * the declaration and certificate, then confirm (推荐) or decline with a reason. e2e hooks as RegistrationList.
 */
export default function UnitQueue() {
  const list = usePagedRemote((page) => call('competitions.unitQueue', { page }), { refreshOnShow: true });
  return (
    <PageShell className='competitions-unit' page='competitionUnit'>
      <View className='section'>
        <Text className='competitions-line'>
          本单位职工报名技能竞赛后，须经所在单位工会核实从业年限、技能等级和证书后确认推荐，再由组织单位审核。不予推荐的，名额将顺延给候补。
        </Text>
      </View>
      <StateView
        remote={list}
        loading={list.loading && !list.data}
        empty={!!list.data && list.data.items.length === 0}
        emptyText='暂无等待单位推荐的报名'
      >
        {list.data && (
          <RegistrationList
            rows={list.data.items}
            selectable={(r) => r.canConfirm}
            decisions={['confirm', 'decline']}
            showEvent
            onChanged={list.reload}
          />
        )}
        <LoadMore hasMore={list.hasMore} loading={list.loadingMore} error={list.moreError} onLoad={list.loadMore} />
      </StateView>
    </PageShell>
  );
}
