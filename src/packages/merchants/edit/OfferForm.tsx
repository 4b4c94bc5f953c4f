import { Input, Picker, Text, View } from '@tarojs/components';
import { FIRST_DAY, LAST_DAY, offerLastDay } from '@rules/dates';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { InputOf, OutputOf } from '../../../api/types';
import { Button } from '../../../components/Button';
import { Field, FieldFrame } from '../../../components/Field';

type Offer = OutputOf<'merchants.adminGet'>['offers'][number];
export type OfferDraft = Omit<InputOf<'merchants.saveOffer'>, 'placeId'>;

const PERIODS: Array<{ value: OfferDraft['period']; label: string }> = [
  { value: 'day', label: '每日' },
  { value: 'week', label: '每周' },
  { value: 'month', label: '每月' },
  { value: 'none', label: '不限' },
];

interface OfferFormProps {
  offer?: Offer;
  busy: boolean;
  /** The last refusal's field errors, keyed `offer.<part>` (offerTitle, terms, dates, limit, totalLimit). */
  errors: Record<string, string>;
  /** Called with the key of the part that was edited (its error disappears). */
  onEdit: (key: string) => void;
  onSave: (draft: OfferDraft) => void;
  onCancel: () => void;
}

/** Adding or editing one offer: text, terms, dates, per-member limit and an optional total. */
export function OfferForm(props: OfferFormProps) {
  const o = props.offer;
  const { errors } = props;
  /** A setter that also clears the error of its part of the form. */
  const edited =
    <T,>(setter: (v: T) => void, part: string) =>
    (v: T) => {
      setter(v);
      props.onEdit(`offer.${part}`);
    };
  const [title, setTitleRaw] = useState(o?.title ?? '');
  const [terms, setTermsRaw] = useState(o?.terms ?? '');
  const [validFrom, setFromRaw] = useState(o?.validFrom ?? dayjs().format('YYYY-MM-DD'));
  const [validTo, setToRaw] = useState(o?.validTo ?? dayjs().add(1, 'year').format('YYYY-MM-DD'));
  const [period, setPeriodRaw] = useState<OfferDraft['period']>(o?.period ?? 'day');
  const [perPeriod, setPerRaw] = useState(String(o?.perPeriod ?? 1));
  const [total, setTotalRaw] = useState(o?.totalLimit ? String(o.totalLimit) : '');
  const setTitle = edited(setTitleRaw, 'offerTitle');
  const setTerms = edited(setTermsRaw, 'terms');
  const setFrom = edited(setFromRaw, 'dates');
  const setTo = edited(setToRaw, 'dates');
  const setPeriod = edited(setPeriodRaw, 'limit');
  const setPer = edited(setPerRaw, 'limit');
  const setTotal = edited(setTotalRaw, 'totalLimit');

  const save = () =>
    props.onSave({
      ...(o ? { offerId: o._id } : {}),
      offerTitle: title.trim(),
      terms: terms.trim(),
      validFrom,
      validTo,
      period,
      perPeriod: Number(perPeriod) || 1,
      totalLimit: total.trim() ? Number(total) : null,
    });

  return (
    <View className='offer-form'>
      <Field
        label='优惠内容（如 会员凭卡9折）'
        name='offer-title'
        testId='merchants-offer-title'
        value={title}
        maxlength={30}
        error={errors['offer.offerTitle']}
        onInput={setTitle}
      />
      <Field
        label='使用条款'
        name='offer-terms'
        testId='merchants-offer-terms'
        value={terms}
        error={errors['offer.terms']}
        maxlength={200}
        placeholder='如 限会员本人；不与其他优惠同享'
        onInput={setTerms}
      />
      <FieldFrame label='有效期' className='offer-dates' error={errors['offer.dates']}>
        <View className='offer-date-row'>
          <Picker mode='date' value={validFrom} start={FIRST_DAY} end={LAST_DAY} onChange={(e) => setFrom(e.detail.value)}>
            <View className='m-picker'>{validFrom}</View>
          </Picker>
          <Text className='offer-date-to'>至</Text>
          {/* An offer runs three years at most (rules/dates): the end picker stops there. */}
          <Picker
            mode='date'
            value={validTo}
            start={validFrom}
            end={offerLastDay(validFrom, new Date())}
            onChange={(e) => setTo(e.detail.value)}
          >
            <View className='m-picker'>{validTo}</View>
          </Picker>
        </View>
      </FieldFrame>
      <FieldFrame label='每人限次' error={errors['offer.limit']}>
        <View className='offer-date-row'>
          <Picker
            mode='selector'
            range={PERIODS.map((p) => p.label)}
            value={PERIODS.findIndex((p) => p.value === period)}
            onChange={(e) => setPeriod(PERIODS[Number(e.detail.value)].value)}
          >
            <View className='m-picker'>{PERIODS.find((p) => p.value === period)?.label}</View>
          </Picker>
          {period !== 'none' && (
            <>
              <Text className='offer-date-to'>限</Text>
              <Input
                className='m-input offer-per'
                type='number'
                value={perPeriod}
                maxlength={2}
                onInput={(e) => setPer(e.detail.value)}
              />
              <Text className='offer-date-to'>次</Text>
            </>
          )}
        </View>
      </FieldFrame>
      <Field
        label='总名额（选填，留空为不限）'
        name='offer-total'
        testId='merchants-offer-total'
        type='number'
        value={total}
        maxlength={7}
        error={errors['offer.totalLimit']}
        onInput={setTotal}
      />
      <View className='offer-form-actions'>
        <Button small kind='quiet' className='offer-cancel' testId='merchants-offer-cancel' onClick={props.onCancel}>
          取消
        </Button>
        <Button
          small
          className='offer-save'
          testId='merchants-offer-save'
          loading={props.busy}
          loadingText='保存中…'
          onClick={save}
        >
          保存优惠
        </Button>
      </View>
    </View>
  );
}
