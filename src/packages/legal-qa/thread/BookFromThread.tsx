import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { periodLabel, WAY_LABELS, WEEKDAY_LABELS, weekdayOf, type ConsultWay } from '@rules/legalAid';
import { call } from '../../../api/client';
import { Button } from '../../../components/Button';
import { Field, FieldFrame } from '../../../components/Field';
import { StateView } from '../../../components/StateView';
import { useAction } from '../../../hooks/useAction';
import { useRemote } from '../../../hooks/useRemote';
import { Choices } from '../../../components/Choices';

const slotLabel = (s: { date: string; period: string; start: string; seatsLeft: number }) =>
  `${Number(s.date.slice(5, 7))}月${Number(s.date.slice(8, 10))}日 ${WEEKDAY_LABELS[weekdayOf(s.date)]} ${periodLabel(s.period)} ${s.start}（余${s.seatsLeft}）`;

/**
 * 转为到站咨询: the station's bookable slots and the way; the case and photos go with the booking. Test ids
 * `legal-qa-slot-<slotId>`, `legal-qa-way-<way>`, `legal-qa-book-submit`.
 */
export function BookFromThread({
  questionId,
  stationId,
  onBooked,
}: {
  questionId: string;
  stationId: string;
  onBooked: () => void;
}) {
  const slots = useRemote(() => call('legalAid.slots', { stationId }));
  const act = useAction();
  const [slot, setSlot] = useState<string | null>(null);
  const [way, setWay] = useState<ConsultWay>('in_person');
  const [mobile, setMobile] = useState('');
  const open = (slots.data?.items ?? []).filter((s) => s.bookable).slice(0, 12);
  const book = () =>
    act.run(
      () =>
        call('legalQa.book', {
          questionId,
          slotId: slot ?? '',
          way,
          ...(way === 'callback' ? { contactMobile: mobile.trim() } : {}),
        }),
      {
        failTitle: '预约未成功',
        success: '已预约',
        fieldKey: (f) => (f === 'slotId' || f === 'contactMobile' ? f : undefined),
        onDone: onBooked,
      },
    );
  return (
    <View className='lq-card' data-testid='legal-qa-book'>
      <Text className='lq-title'>转为到站咨询</Text>
      <Text className='muted'>选择援助站的值班时段，您的咨询内容和照片会一并带给值班律师，不用重新填写。</Text>
      <StateView
        remote={slots}
        empty={!!slots.data && open.length === 0}
        emptyText='近两周没有可预约的时段，请稍后再看或拨打援助站电话。'
      >
        <FieldFrame label='预约时段' error={act.fieldErrors.slotId}>
          <Choices
            options={open.map((s) => ({ key: s._id, label: slotLabel(s) }))}
            value={slot}
            testId='legal-qa-slot'
            onChange={(v) => {
              setSlot(v);
              act.clearField('slotId');
            }}
          />
        </FieldFrame>
        <FieldFrame label='咨询方式'>
          <Choices
            options={(Object.keys(WAY_LABELS) as ConsultWay[]).map((k) => ({ key: k, label: WAY_LABELS[k] }))}
            value={way}
            testId='legal-qa-way'
            onChange={setWay}
          />
        </FieldFrame>
        {way === 'callback' && (
          <Field
            label='回拨电话'
            name='lq-mobile'
            testId='legal-qa-mobile'
            value={mobile}
            placeholder='律师按预约时段给您回电'
            error={act.fieldErrors.contactMobile}
            onInput={setMobile}
          />
        )}
        <Button block testId='legal-qa-book-submit' disabled={!slot} loading={act.busy} loadingText='预约中…' onClick={book}>
          确认预约
        </Button>
      </StateView>
    </View>
  );
}
