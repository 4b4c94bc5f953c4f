import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { STATION_SERVICE_LABELS } from '@rules/legalAid';
import { call } from '../../../api/client';
import { PageShell } from '../../../components/PageShell';
import { StateView } from '../../../components/StateView';
import { useRemote } from '../../../hooks/useRemote';
import { hasRole, orgScopesOf, useSession } from '../../../stores/session';
import { ROUTES, go } from '../../../utils/nav';
import { Button } from '../../../components/Button';
import { callHotline, useHotline } from '../../../utils/hotline';
import { dial } from '../phone';
import { withQuery } from '../query';
import type { Station } from '../types';
import './index.scss';

function openMap(s: Station): void {
  void Taro.openLocation({ ...s.location, name: s.name, address: s.address, scale: 16 }).catch(() => undefined);
}

/**
 * 法律援助: the union's hotline (settings), the stations (address, hours, services, phone) and booking; union staff
 * and administrators create and edit stations. e2e hooks `.la-station`, test ids `legal-aid-new-station`,
 * `legal-aid-station-slots`, `legal-aid-station-edit`.
 */
export default function LegalAidHome() {
  const hotline = useHotline();
  const stations = useRemote(() => call('legalAid.stations', {}), { refreshOnShow: true });
  const { session } = useSession();
  const isLawyer = hasRole(session, 'lawyer');
  const staffScopes = orgScopesOf(session);
  const keepsStations = !!session && (session.isAdmin || hasRole(session, 'staff'));
  // The roster: the station's own staff, union staff whose unions include the station's, administrators.
  const manages = (s: Station) =>
    !!session &&
    (session.isAdmin ||
      session.roles.some((g) => g.role === 'lawyer' && g.scopeId === s._id) ||
      (hasRole(session, 'staff') && (staffScopes ?? []).some((org) => s.orgPath.includes(org))));
  return (
    <PageShell className='la-home' page='legalAid'>
      <View className='section la-hotline' onClick={callHotline}>
        <View>
          <Text className='muted'>职工服务热线（工作时间人工接听）</Text>
          <Text className='la-hotline-number'>{hotline}</Text>
        </View>
        <Button small className='la-hotline-call'>
          一键拨打
        </Button>
      </View>
      <View className='la-links'>
        <Button kind='plain' className='la-mine-link' onClick={() => go(ROUTES.legalAidMine)}>
          我的预约
        </Button>
        {isLawyer && (
          <Button kind='plain' className='la-desk-link' onClick={() => go(ROUTES.legalAidDesk)}>
            值班台
          </Button>
        )}
        {keepsStations && (
          <Button kind='plain' testId='legal-aid-new-station' onClick={() => go(ROUTES.legalAidStationEdit)}>
            新建援助站
          </Button>
        )}
      </View>
      <StateView
        remote={stations}
        empty={!!stations.data && stations.data.items.length === 0}
        emptyText={`暂无可预约的法律援助站，请拨打${hotline}咨询`}
      >
        {stations.data?.items.map((s) => (
          <View key={s._id} className={`section la-station la-station-${s._id}`} data-testid={`legal-aid-station-${s._id}`}>
            <Text className='la-station-name'>{s.name}</Text>
            <Text className='la-line'>地址：{s.address}</Text>
            <Text className='la-line'>时间：{s.hours}</Text>
            <View className='la-tags'>
              {s.services.map((k) => (
                <Text key={k} className='tag tag-approved'>
                  {STATION_SERVICE_LABELS[k]}
                </Text>
              ))}
            </View>
            <View className='la-btn-row' style={{ marginTop: '24px' }}>
              <Button kind='quiet' small onClick={() => dial(s.phone)}>
                电话
              </Button>
              <Button kind='quiet' small onClick={() => openMap(s)}>
                地图
              </Button>
              <Button
                small
                className='la-station-book'
                testId='legal-aid-station-book'
                onClick={() => go(withQuery(ROUTES.legalAidBook, { stationId: s._id }))}
              >
                预约咨询
              </Button>
            </View>
            {manages(s) && (
              <View className='la-btn-row'>
                <Text
                  className='la-line la-roster-link'
                  data-testid='legal-aid-station-slots'
                  onClick={() => go(withQuery(ROUTES.legalAidSlots, { stationId: s._id }))}
                >
                  值班安排 ›
                </Text>
                {keepsStations && (
                  <Text
                    className='la-line la-roster-link'
                    data-testid='legal-aid-station-edit'
                    onClick={() => go(withQuery(ROUTES.legalAidStationEdit, { stationId: s._id }))}
                  >
                    编辑站点 ›
                  </Text>
                )}
              </View>
            )}
          </View>
        ))}
      </StateView>
      <Text className='la-note' style={{ margin: '0 24px' }}>
        法律援助服务面向全体职工，非会员也可预约。您填写的情况只有您和所选法律援助站的工作人员可以查看。
      </Text>
    </PageShell>
  );
}
