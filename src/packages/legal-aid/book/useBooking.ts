import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { BOOK_AHEAD_DAYS, type CONSULT_TYPES } from '@rules/legalAid';
import { call } from '../../../api/client';
import { useAction } from '../../../hooks/useAction';
import { useMyContact } from '../../../hooks/useMyContact';
import { useRemote } from '../../../hooks/useRemote';
import { useSession } from '../../../stores/session';
import { ROUTES } from '../../../utils/nav';
import { askToSubscribe } from '../../../utils/subscribe';
import { withQuery } from '../query';
import { useBookForm } from '../store';
import { validateBooking } from './validate';

/** The booking fields the form shows under their own control (a refusal for another goes to a dialog). */
const SHOWN = new Set(['type', 'slotId', 'caseText', 'evidence', 'contactName', 'contactMobile']);

/**
 * The booking page's state: the station and its slots, the form (a store that survives a dropped network), the
 * check before the confirmation, and the booking (or 改约) itself through `useAction`. A slot that filled up or
 * closed meanwhile is cleared and the slots are loaded again.
 */
export function useBooking() {
  const { params } = useRouter();
  const stationId = decodeURIComponent(params.stationId ?? '');
  const rescheduling = params.reschedule ? decodeURIComponent(params.reschedule) : '';
  const form = useBookForm();
  const { session } = useSession();
  const act = useAction();
  const [confirming, setConfirming] = useState(false);

  useEffect(() => {
    // Another station: keep the case and files, forget the date and slot of the other station.
    if (form.stationId !== stationId) form.set({ stationId, date: '', slotId: '' });
  }, [stationId]); // eslint-disable-line react-hooks/exhaustive-deps

  // What the person already gave is filled in: the name the union knows them by (member, applicant, invitation).
  const knownName = session?.member?.name ?? session?.displayName ?? '';
  useEffect(() => {
    if (knownName && !form.contactName) form.set({ contactName: knownName });
  }, [knownName]); // eslint-disable-line react-hooks/exhaustive-deps
  // …and the mobile they gave when applying to join, unless a number is already there.
  const mine = useMyContact();
  useEffect(() => {
    if (mine && !useBookForm.getState().contactMobile) form.set({ contactMobile: mine.mobile });
  }, [mine]); // eslint-disable-line react-hooks/exhaustive-deps

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
  const isMember = session?.member?.status === 'active';

  /** Changes the form; the errors of the changed fields disappear. */
  const change = (patch: Parameters<typeof form.set>[0]) => {
    form.set(patch);
    for (const key of Object.keys(patch)) act.clearField(key);
  };

  const submit = () => {
    const found = rescheduling ? (form.slotId ? {} : { slotId: '请选择新的日期和时段' }) : validateBooking(form, isMember);
    const errors = Object.fromEntries(Object.entries(found).filter((e): e is [string, string] => !!e[1]));
    act.setFieldErrors(errors);
    if (Object.keys(errors).length) {
      void Taro.showToast({ title: Object.values(errors)[0] ?? '请检查填写的内容', icon: 'none' });
      return;
    }
    setConfirming(true);
  };

  const book = async () => {
    await askToSubscribe('legalAidBook'); // in the tap: WeChat asks only in answer to one
    if (rescheduling) return (await call('legalAid.reschedule', { bookingId: rescheduling, slotId: form.slotId }))._id;
    const booked = await call('legalAid.book', {
      slotId: form.slotId,
      type: form.type as (typeof CONSULT_TYPES)[number],
      way: form.way,
      caseText: form.caseText.trim(),
      evidence: form.evidence.map((f) => f.fileId),
      ...(isMember ? {} : { contactName: form.contactName.trim() }),
      ...(form.contactMobile.trim() ? { contactMobile: form.contactMobile.trim() } : {}),
    });
    return booked._id;
  };

  const confirm = async () => {
    await act.run(book, {
      success: rescheduling ? '改约成功' : '预约成功',
      failTitle: rescheduling ? '改约未成功' : '预约未成功',
      fieldKey: (f) => (SHOWN.has(f) ? f : undefined),
      onDone: (id) => {
        if (rescheduling) form.set({ date: '', slotId: '' });
        else form.reset();
        void Taro.redirectTo({ url: withQuery(ROUTES.legalAidDetail, { id }) });
      },
      onFail: (refusal) => {
        if (refusal.code !== 'SLOT_FULL' && refusal.code !== 'SLOT_CLOSED') return;
        form.set({ slotId: '' });
        data.reload();
      },
    });
    setConfirming(false);
  };

  return {
    stationId,
    rescheduling,
    form,
    change,
    act,
    data,
    slots,
    date,
    isMember,
    session,
    confirming,
    setConfirming,
    submit,
    confirm,
  };
}

export type BookingState = ReturnType<typeof useBooking>;
