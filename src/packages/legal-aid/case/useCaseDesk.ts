import { useState } from 'react';
import type { InputOf } from '../../../api/types';
import { call } from '../../../api/client';
import { useAction } from '../../../hooks/useAction';

export type Referral = InputOf<'legalAid.complete'>['referral'];
export type Pending = 'arrived' | 'no_show' | 'complete' | 'cancel' | null;

/** Where a refused field of each desk action is shown (the outcome form, or the cancel reason in the dialog). */
const FIELD_KEYS: Record<string, string> = { summary: 'summary', notes: 'notes', referral: 'referral', reason: 'reason' };

/**
 * The duty lawyer's desk on one case: the outcome being written (summary, confidential notes, referral), the
 * station's cancel reason, the step waiting for its confirmation, and the step itself through `useAction`.
 * `onChanged` runs after every attempt (the case is loaded again: it may have changed underneath).
 */
export function useCaseDesk(bookingId: string, onChanged: () => void) {
  const act = useAction();
  const [pending, setPending] = useState<Pending>(null);
  const [summary, setSummaryRaw] = useState('');
  const [notes, setNotesRaw] = useState('');
  const [referral, setReferralRaw] = useState<Referral | ''>('');
  const [cancelReason, setCancelReasonRaw] = useState('');
  const edited =
    <T>(setter: (v: T) => void, key: string) =>
    (v: T) => {
      setter(v);
      act.clearField(key);
    };

  /** Asks for the confirmation of a step; the outcome is checked first (the server checks again). */
  const ask = (what: Pending) => {
    if (what === 'complete') {
      if (summary.trim().length < 4) return act.setFieldErrors({ summary: '请填写给当事人的处理结果（至少4个字）' });
      if (!referral) return act.setFieldErrors({ referral: '请选择后续处理方式' });
    }
    act.setFieldErrors({});
    if (what === 'cancel') setCancelReasonRaw('');
    setPending(what);
  };

  const work = (what: Exclude<Pending, null>) => {
    if (what === 'complete')
      return call('legalAid.complete', {
        bookingId,
        summary: summary.trim(),
        ...(notes.trim() ? { notes: notes.trim() } : {}),
        referral: referral as Referral,
      });
    if (what === 'cancel') return call('legalAid.stationCancel', { bookingId, reason: cancelReason.trim() });
    return call('legalAid.mark', { bookingId, status: what });
  };

  /** Runs the confirmed step. A refused cancel reason keeps the dialog open with the reason under its field. */
  const confirm = async () => {
    const what = pending;
    if (!what) return;
    if (what === 'cancel' && cancelReason.trim().length < 2)
      return act.setFieldErrors({ reason: '请填写取消原因（当事人会看到）' });
    await act.run(() => work(what), {
      success: what === 'cancel' ? '已取消，已通知当事人' : '已登记',
      failTitle: '登记未成功',
      fieldKey: (f) => FIELD_KEYS[f],
      onDone: () => setPending(null),
      onFail: (refusal) => {
        if (!(what === 'cancel' && refusal.field === 'reason')) setPending(null);
      },
    });
    onChanged();
  };

  return {
    act,
    pending,
    ask,
    confirm,
    dismiss: () => setPending(null),
    summary,
    setSummary: edited(setSummaryRaw, 'summary'),
    notes,
    setNotes: edited(setNotesRaw, 'notes'),
    referral,
    setReferral: edited(setReferralRaw, 'referral'),
    cancelReason,
    setCancelReason: edited(setCancelReasonRaw, 'reason'),
  };
}

export type CaseDesk = ReturnType<typeof useCaseDesk>;
