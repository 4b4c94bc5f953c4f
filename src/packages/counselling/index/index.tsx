import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { call } from '../../../api/client';
import { Button } from '../../../components/Button';
import { Field } from '../../../components/Field';
import { PageShell } from '../../../components/PageShell';
import { Row } from '../../../components/Row';
import { StateView } from '../../../components/StateView';
import { useAction } from '../../../hooks/useAction';
import { useRemote } from '../../../hooks/useRemote';
import { hasRole, useSession } from '../../../stores/session';
import { ROUTES, go } from '../../../utils/nav';
import { dial } from '../../legal-aid/phone';
import { withQuery } from '../../legal-aid/query';
import { Hotlines } from '../components/Hotlines';
import { dayText, hoursText, STATUS_TAG } from '../format';
import '../counselling.scss';

/**
 * 心理咨询: the hotlines, the rooms (hours, phone, 预约), the member's pseudonym (changeable) and sessions; the
 * 咨询台 of the rooms a counsellor serves; 新建/编辑 and 统计 for union staff. Test ids `counselling-room-<id>`,
 * `counselling-book-<roomId>`, `counselling-desk-<roomId>`, `counselling-session-row`, `counselling-pseudonym`,
 * `counselling-pseudonym-save`, `counselling-room-new`, `counselling-stats`.
 */
export default function Counselling() {
  const { session } = useSession();
  const isStaff = hasRole(session, 'staff', 'admin');
  const myRooms = session?.roles.filter((g) => g.role === 'counsellor').map((g) => g.scopeId) ?? [];
  const data = useRemote(
    async () => {
      const [rooms, mine, profile] = await Promise.all([
        call('counselling.rooms', {}),
        call('counselling.mine', {}),
        call('counselling.profile', {}),
      ]);
      return { rooms: rooms.items, mine: mine.items, pseudonym: profile.pseudonym };
    },
    { refreshOnShow: true },
  );
  const act = useAction();
  const [pseudonym, setPseudonym] = useState<string | null>(null);
  const shown = pseudonym ?? data.data?.pseudonym ?? '';
  const save = () =>
    void act.run(() => call('counselling.setPseudonym', { pseudonym: shown.trim() }), {
      success: '化名已保存',
      failTitle: '化名未保存',
      onDone: () => data.reload(),
    });

  return (
    <PageShell className='cs-index' page='counselling'>
      <Hotlines />
      <StateView
        remote={data}
        loading={data.loading && !data.data}
        empty={!!data.data && data.data.rooms.length === 0 && !isStaff}
        emptyText='本地区暂未开设职工心理咨询室，如需帮助请拨打上方热线。'
      >
        {data.data && (
          <>
            <View className='cs-card'>
              <Text className='cs-title'>我的化名</Text>
              <Text className='muted'>咨询师只会看到您的化名、联系电话和预约时间，不会看到您的姓名、会员卡号和工作单位。</Text>
              <Field
                label='化名'
                name='counselling-pseudonym'
                testId='counselling-pseudonym'
                value={shown}
                maxlength={12}
                placeholder='如：晴天（请勿使用真实姓名）'
                {...act.field('pseudonym', setPseudonym)}
              />
              <Button small kind='plain' testId='counselling-pseudonym-save' loading={act.busy} onClick={save}>
                保存化名
              </Button>
            </View>
            {data.data.rooms.map((r) => (
              <View key={r._id} className='cs-card' data-testid={`counselling-room-${r._id}`}>
                <Text className='cs-title'>{r.name}</Text>
                <Row label='地址'>{r.address}</Row>
                <Row label='开放时间'>{hoursText(r.hours)}</Row>
                <Row label='每次咨询'>{`${r.sessionMinutes}分钟，一对一，免费`}</Row>
                <View className='cs-row-btns'>
                  <Button
                    small
                    testId={`counselling-book-${r._id}`}
                    onClick={() => go(withQuery(ROUTES.counsellingBook, { roomId: r._id }))}
                  >
                    预约咨询
                  </Button>
                  <Button small kind='quiet' onClick={() => dial(r.phone)}>
                    致电咨询室
                  </Button>
                  {myRooms.includes(r._id) && (
                    <Button
                      small
                      kind='plain'
                      testId={`counselling-desk-${r._id}`}
                      onClick={() => go(withQuery(ROUTES.counsellingDesk, { roomId: r._id }))}
                    >
                      咨询台
                    </Button>
                  )}
                  {isStaff && (
                    <Button small kind='plain' onClick={() => go(withQuery(ROUTES.counsellingRoomEdit, { roomId: r._id }))}>
                      编辑
                    </Button>
                  )}
                </View>
              </View>
            ))}
            {data.data.mine.length > 0 && (
              <View className='cs-card'>
                <Text className='cs-title'>我的预约</Text>
                {data.data.mine.map((s) => (
                  <View
                    key={s._id}
                    data-testid='counselling-session-row'
                    onClick={() => go(withQuery(ROUTES.counsellingDetail, { id: s._id }))}
                  >
                    <Row label={`${dayText(s.date)} ${s.start}`}>
                      <Text className={`tag ${STATUS_TAG[s.status] ?? ''}`}>{s.statusText}</Text> {s.roomName}
                    </Row>
                  </View>
                ))}
              </View>
            )}
            {isStaff && (
              <View className='cs-card'>
                <Text className='cs-title'>咨询室管理</Text>
                <Text className='muted'>工会只能看到预约次数等统计，看不到来访者的任何身份信息。</Text>
                <View className='cs-row-btns'>
                  <Button small testId='counselling-room-new' onClick={() => go(ROUTES.counsellingRoomEdit)}>
                    新建咨询室
                  </Button>
                  <Button small kind='plain' testId='counselling-stats' onClick={() => go(ROUTES.counsellingStats)}>
                    预约统计
                  </Button>
                </View>
              </View>
            )}
          </>
        )}
      </StateView>
    </PageShell>
  );
}
