import { Text, View } from '@tarojs/components';
import { CONSULT_TYPE_LABELS, CONSULT_TYPES, WAY_LABELS, WAYS } from '@rules/legalAid';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { PageShell } from '../../../components/PageShell';
import { StateView } from '../../../components/StateView';
import { Chips } from '../components/Chips';
import { SlotPicker } from '../components/SlotPicker';
import { slotText } from '../format';
import { CaseSection } from './CaseSection';
import { useBooking } from './useBooking';
import './index.scss';

const TYPE_OPTIONS = CONSULT_TYPES.map((key) => ({ key, label: CONSULT_TYPE_LABELS[key] }));
const WAY_OPTIONS = WAYS.map((key) => ({ key, label: WAY_LABELS[key] }));

/**
 * 预约法律咨询 (and 改约 with `reschedule=<bookingId>`): type, way, date and slot with seats left, the case,
 * evidence, what to bring; confirmed in a dialog. The form lives in a store: nothing is lost when the
 * network drops. State and the booking itself: `useBooking`. Test ids: `legal-aid-type-<type>`,
 * `legal-aid-way-<way>`, `legal-aid-date`, `legal-aid-slot-open`, `legal-aid-case`, `legal-aid-contact-…`, errors
 * `legal-aid-<type|slot|case|evidence|contact-name|contact-mobile>-error`,
 * `legal-aid-submit`, `legal-aid-confirm`.
 */
export default function Book() {
  const booking = useBooking();
  const { form, change, data, slots, date, rescheduling, act } = booking;
  const errors = act.fieldErrors;
  const chosen = slots.find((s) => s._id === form.slotId);

  return (
    <PageShell className='la-book' page='legalAidBook'>
      <StateView remote={data} loading={data.loading && !data.data}>
        <View className='section'>
          <Text className='section-title'>{data.data?.station?.name ?? '法律援助站'}</Text>
          <Text className='la-line'>{data.data?.station?.address}</Text>
          {rescheduling && <Text className='la-note'>改约：请选择新的日期和时段，您填写的情况和上传的材料保持不变。</Text>}
        </View>
        {!rescheduling && (
          <View className='section'>
            <Text className='section-title'>咨询类型</Text>
            <Chips
              name='la-type'
              testId='legal-aid-type'
              options={TYPE_OPTIONS}
              value={form.type}
              onChange={(type) => change({ type })}
            />
            {errors.type && (
              <Text className='la-error' data-testid='legal-aid-type-error'>
                {errors.type}
              </Text>
            )}
            <Text className='section-title' style={{ marginTop: '28px' }}>
              咨询方式
            </Text>
            <Chips
              name='la-way'
              testId='legal-aid-way'
              options={WAY_OPTIONS}
              value={form.way}
              onChange={(way) => change({ way })}
            />
            <Text className='la-note'>
              {form.way === 'callback' ? '值班律师将在所选时段内拨打您的手机。' : '请在所选时段到法律援助站，带齐下方材料。'}
            </Text>
          </View>
        )}
        <View className='section'>
          <Text className='section-title'>日期和时段</Text>
          <SlotPicker
            slots={slots}
            date={date}
            slotId={form.slotId}
            onDate={(d) => form.set({ date: d, slotId: '' })}
            onSlot={(slotId) => change({ date, slotId })}
          />
          {errors.slotId && (
            <Text className='la-error' data-testid='legal-aid-slot-error'>
              {errors.slotId}
            </Text>
          )}
        </View>
        {!rescheduling && <CaseSection booking={booking} />}
        <View style={{ margin: '0 24px' }}>
          <Button className='la-submit' testId='legal-aid-submit' loading={act.busy} onClick={booking.submit}>
            {rescheduling ? '确认改约' : '提交预约'}
          </Button>
        </View>
      </StateView>
      <ConfirmDialog
        visible={booking.confirming}
        title={rescheduling ? '确认改约' : '确认预约'}
        confirmText={rescheduling ? '改约' : '预约'}
        busy={act.busy}
        className='la-confirm'
        testId='legal-aid-confirm'
        onConfirm={() => void booking.confirm()}
        onCancel={() => booking.setConfirming(false)}
      >
        <Text>
          {data.data?.station?.name}
          {'\n'}
          {chosen ? slotText(chosen) : ''}
          {!rescheduling && form.type ? `\n${CONSULT_TYPE_LABELS[form.type]} · ${WAY_LABELS[form.way]}` : ''}
          {'\n'}如需取消，请在开始前2小时在“我的预约”中操作。
        </Text>
      </ConfirmDialog>
    </PageShell>
  );
}
