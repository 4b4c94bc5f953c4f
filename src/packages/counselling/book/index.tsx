import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { call } from '../../../api/client';
import { Button } from '../../../components/Button';
import { Checkbox } from '../../../components/Checkbox';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { Field, FieldFrame } from '../../../components/Field';
import { PageShell } from '../../../components/PageShell';
import { Row } from '../../../components/Row';
import { StateView } from '../../../components/StateView';
import { useAction } from '../../../hooks/useAction';
import { useMyContact } from '../../../hooks/useMyContact';
import { useRemote } from '../../../hooks/useRemote';
import { ROUTES, replaceWith } from '../../../utils/nav';
import { askToSubscribe } from '../../../utils/subscribe';
import { withQuery } from '../../legal-aid/query';
import { Hotlines } from '../components/Hotlines';
import { dayText } from '../format';
import '../counselling.scss';

/**
 * 预约心理咨询: a day, a free session, the pseudonym (the member's, changeable here), a phone for the session, and
 * whether the counsellor may keep notes (off unless ticked); confirmed in a dialog. Test ids
 * `counselling-day-<date>`, `counselling-slot-<slotId>`, `counselling-book-pseudonym`, `counselling-book-contact`,
 * `counselling-book-consent`, `counselling-book-submit`, `counselling-book-dialog`.
 */
export default function BookSession() {
  const { params } = useRouter();
  const roomId = decodeURIComponent(params.roomId ?? '');
  const data = useRemote(async () => {
    const [slots, profile] = await Promise.all([call('counselling.slots', { roomId }), call('counselling.profile', {})]);
    return { ...slots, pseudonym: profile.pseudonym };
  });
  const act = useAction();
  const [day, setDay] = useState<string | null>(null);
  const [slotId, setSlotId] = useState<string | null>(null);
  const [pseudonym, setPseudonym] = useState<string | null>(null);
  const [typedContact, setContact] = useState<string | null>(null);
  const mine = useMyContact();
  // The mobile given when applying to join is filled in until the person types another.
  const contact = typedContact ?? mine?.mobile ?? '';
  const [consent, setConsent] = useState(false);
  const [asking, setAsking] = useState(false);

  const free = data.data?.items.filter((s) => s.free) ?? [];
  const days = [...new Set(free.map((s) => s.date))];
  const shownDay = day ?? days[0] ?? null;
  const chosen = free.find((s) => s._id === slotId);
  const name = pseudonym ?? data.data?.pseudonym ?? '';

  const ask = () => {
    const problems: Record<string, string> = {};
    if (!chosen) problems.slotId = '请选择咨询时段';
    if (name.trim().length < 2) problems.pseudonym = '请填写化名（至少2个字）';
    if (!/^1[3-9]\d{9}$/.test(contact)) problems.contact = '请输入11位大陆手机号';
    if (Object.keys(problems).length) return act.setFieldErrors(problems);
    setAsking(true);
  };
  const book = async () => {
    const done = await act.run(
      async () => {
        await askToSubscribe('counsellingBook'); // in the tap: WeChat asks only in answer to one
        return call('counselling.book', { slotId: chosen!._id, pseudonym: name.trim(), contact, noteConsent: consent });
      },
      { success: '预约成功', failTitle: '预约未成功' },
    );
    setAsking(false);
    if (done) replaceWith(withQuery(ROUTES.counsellingDetail, { id: done._id }));
    else data.reload();
  };

  return (
    <PageShell className='cs-book' page='counsellingBook'>
      <Hotlines />
      <StateView
        remote={data}
        loading={data.loading && !data.data}
        empty={!!data.data && free.length === 0}
        emptyText='近四周的咨询时段已约满，请稍后再看，或致电咨询室。'
      >
        {data.data && (
          <>
            <View className='cs-card'>
              <Text className='cs-title'>{data.data.room.name}</Text>
              <Text className='muted'>{data.data.room.address}</Text>
            </View>
            <View className='cs-card'>
              <FieldFrame label='日期' error={act.fieldErrors.slotId}>
                <View className='cs-chips'>
                  {days.map((d) => (
                    <View
                      key={d}
                      className={`cs-chip ${d === shownDay ? 'cs-chip-on' : ''}`}
                      data-testid={`counselling-day-${d}`}
                      onClick={() => setDay(d)}
                    >
                      {dayText(d)}
                    </View>
                  ))}
                </View>
              </FieldFrame>
              <FieldFrame label='时段'>
                <View className='cs-chips'>
                  {free
                    .filter((s) => s.date === shownDay)
                    .map((s) => (
                      <View
                        key={s._id}
                        className={`cs-chip ${s._id === slotId ? 'cs-chip-on' : ''}`}
                        data-testid={`counselling-slot-${s._id}`}
                        onClick={() => {
                          setSlotId(s._id);
                          act.clearField('slotId');
                        }}
                      >
                        {`${s.start}–${s.end}`}
                      </View>
                    ))}
                </View>
              </FieldFrame>
            </View>
            <View className='cs-card'>
              <Field
                label='化名'
                name='counselling-book-pseudonym'
                testId='counselling-book-pseudonym'
                value={name}
                maxlength={12}
                placeholder='咨询师只看到化名，请勿使用真实姓名'
                {...act.field('pseudonym', setPseudonym)}
              />
              <Field
                label='联系电话'
                name='counselling-book-contact'
                testId='counselling-book-contact'
                value={contact}
                type='number'
                maxlength={11}
                placeholder='咨询室联系您用，可与会员登记的手机号不同'
                {...act.field('contact', setContact)}
              />
              <Checkbox checked={consent} onChange={setConsent} testId='counselling-book-consent'>
                同意咨询师为本次咨询保留记录（可随时撤回，撤回后记录即删除；不勾选则不保留任何记录）
              </Checkbox>
            </View>
            <View style={{ margin: '0 24px 48px' }}>
              <Button block testId='counselling-book-submit' loading={act.busy} onClick={ask}>
                预约
              </Button>
            </View>
          </>
        )}
      </StateView>
      <ConfirmDialog
        visible={asking}
        title='确认预约心理咨询'
        testId='counselling-book-dialog'
        busy={act.busy}
        onConfirm={() => void book()}
        onCancel={() => setAsking(false)}
      >
        {chosen && (
          <View>
            <Row label='时间'>{`${dayText(chosen.date)} ${chosen.start}–${chosen.end}`}</Row>
            <Row label='化名'>{name}</Row>
            <Row label='联系电话'>{contact}</Row>
            <Row label='咨询记录'>{consent ? '同意保留' : '不保留'}</Row>
          </View>
        )}
      </ConfirmDialog>
    </PageShell>
  );
}
