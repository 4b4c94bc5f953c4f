import { useEffect, useState } from 'react';
import { Input, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import {
  BOOK_AHEAD_DAYS,
  CASE_TEXT_MAX,
  CHECKLISTS,
  CONSULT_TYPE_LABELS,
  CONSULT_TYPES,
  WAY_LABELS,
  WAYS,
} from '@rules/legalAid';
import { ApiError, call, errorMessage } from '../../../api/client';
import { ROUTES } from '../../../utils/nav';
import { askToSubscribe } from '../../../utils/subscribe';
import { PageShell } from '../../../components/PageShell';
import { StateView } from '../../../components/StateView';
import { useRemote } from '../../../hooks/useRemote';
import { useSession } from '../../../stores/session';
import { Button } from '../../../components/Button';
import { Chips } from '../components/Chips';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { EvidencePicker } from '../components/EvidencePicker';
import { SlotPicker } from '../components/SlotPicker';
import { slotText } from '../format';
import { withQuery } from '../query';
import { useBookForm } from '../store';
import { validateBooking, type BookErrors } from './validate';
import './index.scss';

const TYPE_OPTIONS = CONSULT_TYPES.map((key) => ({ key, label: CONSULT_TYPE_LABELS[key] }));
const WAY_OPTIONS = WAYS.map((key) => ({ key, label: WAY_LABELS[key] }));

/**
 * 预约法律咨询 (and 改约 with `reschedule=<bookingId>`): type, way, date and slot with seats left, the case,
 * evidence, what to bring; confirmed in a dialog. The form lives in a store: nothing is lost when the
 * network drops. e2e hooks: `.la-type-<type>`, `.la-way-<way>`, `.la-date`, `.la-slot`, `.la-case`,
 * `.la-contact-name`, `.la-contact-mobile`, `.la-submit`, `.dialog-ok`.
 */
export default function Book() {
  const { params } = useRouter();
  const stationId = decodeURIComponent(params.stationId ?? '');
  const rescheduling = params.reschedule ? decodeURIComponent(params.reschedule) : '';
  const form = useBookForm();
  const { session } = useSession();
  const [errors, setErrors] = useState<BookErrors>({});
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    // Another station: keep the case and files, forget the date and slot of the other station.
    if (form.stationId !== stationId) form.set({ stationId, date: '', slotId: '' });
  }, [stationId]); // eslint-disable-line react-hooks/exhaustive-deps

  const data = useRemote(async () => {
    const [stations, slots] = await Promise.all([
      call('legalAid.stations', {}),
      call('legalAid.slots', { stationId, dayCount: BOOK_AHEAD_DAYS + 1 }),
    ]);
    return { station: stations.items.find((s) => s._id === stationId), slots: slots.items };
  });
  const slots = data.data?.slots ?? [];
  const firstOpen = slots.find((s) => s.bookable)?.date ?? slots[0]?.date ?? '';
  const date = form.date || firstOpen;
  const chosen = slots.find((s) => s._id === form.slotId);
  const isMember = session?.member?.status === 'active';

  const submit = () => {
    const found = rescheduling ? (form.slotId ? {} : { slotId: '请选择新的日期和时段' }) : validateBooking(form, isMember);
    setErrors(found);
    if (Object.keys(found).length) {
      void Taro.showToast({ title: Object.values(found)[0] ?? '请检查填写的内容', icon: 'none' });
      return;
    }
    setConfirming(true);
  };

  const confirm = async () => {
    setBusy(true);
    try {
      await askToSubscribe('legalAidBook'); // in the tap: WeChat asks only in answer to one
      let id: string;
      if (rescheduling) {
        id = (await call('legalAid.reschedule', { bookingId: rescheduling, slotId: form.slotId }))._id;
        form.set({ date: '', slotId: '' });
      } else {
        const booked = await call('legalAid.book', {
          slotId: form.slotId,
          type: form.type as (typeof CONSULT_TYPES)[number],
          way: form.way,
          caseText: form.caseText.trim(),
          evidence: form.evidence.map((f) => f.fileId),
          ...(isMember ? {} : { contactName: form.contactName.trim() }),
          ...(form.contactMobile.trim() ? { contactMobile: form.contactMobile.trim() } : {}),
        });
        id = booked._id;
        form.reset();
      }
      setConfirming(false);
      void Taro.showToast({ title: rescheduling ? '改约成功' : '预约成功', icon: 'success' });
      void Taro.redirectTo({ url: withQuery(ROUTES.legalAidDetail, { id }) });
    } catch (e) {
      setConfirming(false);
      const code = e instanceof ApiError ? e.code : '';
      if (code === 'SLOT_FULL' || code === 'SLOT_CLOSED') {
        form.set({ slotId: '' });
        data.reload();
      }
      const field = e instanceof ApiError ? (e.details as { field?: string } | undefined)?.field : undefined;
      if (field) setErrors({ [field]: errorMessage(e) });
      void Taro.showModal({ title: rescheduling ? '改约未成功' : '预约未成功', content: errorMessage(e), showCancel: false });
    } finally {
      setBusy(false);
    }
  };

  return (
    <PageShell className='la-book' page='legalAidBook'>
      <StateView loading={data.loading && !data.data} error={data.error} errorCode={data.errorCode} onRetry={data.reload}>
        <View className='section'>
          <Text className='section-title'>{data.data?.station?.name ?? '法律援助站'}</Text>
          <Text className='la-line'>{data.data?.station?.address}</Text>
          {rescheduling && <Text className='la-note'>改约：请选择新的日期和时段，您填写的情况和上传的材料保持不变。</Text>}
        </View>
        {!rescheduling && (
          <View className='section'>
            <Text className='section-title'>咨询类型</Text>
            <Chips name='la-type' options={TYPE_OPTIONS} value={form.type} onChange={(type) => form.set({ type })} />
            {errors.type && <Text className='la-error'>{errors.type}</Text>}
            <Text className='section-title' style={{ marginTop: '28px' }}>
              咨询方式
            </Text>
            <Chips name='la-way' options={WAY_OPTIONS} value={form.way} onChange={(way) => form.set({ way })} />
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
            onSlot={(slotId) => {
              form.set({ date, slotId });
              setErrors((e) => ({ ...e, slotId: undefined }));
            }}
          />
          {errors.slotId && <Text className='la-error'>{errors.slotId}</Text>}
        </View>
        {!rescheduling && (
          <>
            <View className='section'>
              <Text className='section-title'>您的情况</Text>
              <Textarea
                className='la-textarea la-case'
                value={form.caseText}
                maxlength={CASE_TEXT_MAX}
                placeholder='例如：在单位工作了几年、发生了什么、希望得到什么帮助（仅您和该站工作人员可见）'
                onInput={(e) => form.set({ caseText: e.detail.value })}
              />
              <Text className='la-count'>
                {form.caseText.length}/{CASE_TEXT_MAX}
              </Text>
              {errors.caseText && <Text className='la-error'>{errors.caseText}</Text>}
              <Text className='la-label'>证据材料（选填，最多9个，照片或PDF，每个不超过10MB）</Text>
              <EvidencePicker
                files={form.evidence}
                openid={session?.openid ?? ''}
                onChange={(evidence) => form.set({ evidence })}
              />
              {errors.evidence && <Text className='la-error'>{errors.evidence}</Text>}
            </View>
            {(!isMember || form.way === 'callback') && (
              <View className='section'>
                <Text className='section-title'>联系方式</Text>
                {!isMember && (
                  <Text className='la-note'>您还不是工会会员，也可以预约（将标注为非会员），请留下姓名和手机号。</Text>
                )}
                {!isMember && (
                  <Input
                    className='la-input la-contact-name'
                    value={form.contactName}
                    maxlength={30}
                    placeholder='姓名'
                    onInput={(e) => form.set({ contactName: e.detail.value })}
                  />
                )}
                {errors.contactName && <Text className='la-error'>{errors.contactName}</Text>}
                <Input
                  className='la-input la-contact-mobile'
                  type='number'
                  value={form.contactMobile}
                  maxlength={11}
                  placeholder='手机号'
                  onInput={(e) => form.set({ contactMobile: e.detail.value })}
                />
                {errors.contactMobile && <Text className='la-error'>{errors.contactMobile}</Text>}
              </View>
            )}
            {form.type && (
              <View className='section la-checklist-section'>
                <Text className='section-title'>请准备以下材料</Text>
                {CHECKLISTS[form.type].map((item) => (
                  <Text key={item} className='la-check-item'>
                    {item}
                  </Text>
                ))}
              </View>
            )}
          </>
        )}
        <View style={{ margin: '0 24px' }}>
          <Button className='la-submit' loading={busy} onClick={submit}>
            {rescheduling ? '确认改约' : '提交预约'}
          </Button>
        </View>
      </StateView>
      <ConfirmDialog
        visible={confirming}
        title={rescheduling ? '确认改约' : '确认预约'}
        confirmText={rescheduling ? '改约' : '预约'}
        busy={busy}
        className='la-confirm'
        onConfirm={() => void confirm()}
        onCancel={() => setConfirming(false)}
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
