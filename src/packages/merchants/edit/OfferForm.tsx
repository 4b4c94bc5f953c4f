import { Input, Picker, Text, View } from '@tarojs/components';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { InputOf, OutputOf } from '../../../api/types';

type Offer = OutputOf<'merchants.adminGet'>['offers'][number];
export type OfferDraft = Omit<InputOf<'merchants.saveOffer'>, 'placeId'>;

const PERIODS: Array<{ value: OfferDraft['period']; label: string }> = [
  { value: 'day', label: '每日' },
  { value: 'week', label: '每周' },
  { value: 'month', label: '每月' },
  { value: 'none', label: '不限' },
];

/** Adding or editing one offer: text, terms, dates, per-member limit and an optional total. */
export function OfferForm(props: { offer?: Offer; busy: boolean; onSave: (draft: OfferDraft) => void; onCancel: () => void }) {
  const o = props.offer;
  const [title, setTitle] = useState(o?.title ?? '');
  const [terms, setTerms] = useState(o?.terms ?? '');
  const [validFrom, setFrom] = useState(o?.validFrom ?? dayjs().format('YYYY-MM-DD'));
  const [validTo, setTo] = useState(o?.validTo ?? dayjs().add(1, 'year').format('YYYY-MM-DD'));
  const [period, setPeriod] = useState<OfferDraft['period']>(o?.period ?? 'day');
  const [perPeriod, setPer] = useState(String(o?.perPeriod ?? 1));
  const [total, setTotal] = useState(o?.totalLimit ? String(o.totalLimit) : '');

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
      <View className='m-field'>
        <Text className='m-field-label'>优惠内容（如 会员凭卡9折）</Text>
        <Input className='m-input offer-title' value={title} maxlength={30} onInput={(e) => setTitle(e.detail.value)} />
      </View>
      <View className='m-field'>
        <Text className='m-field-label'>使用条款</Text>
        <Input
          className='m-input offer-terms'
          value={terms}
          maxlength={200}
          placeholder='如 每人每日限1次；不与其他优惠同享'
          onInput={(e) => setTerms(e.detail.value)}
        />
      </View>
      <View className='m-field offer-dates'>
        <Text className='m-field-label'>有效期</Text>
        <View className='offer-date-row'>
          <Picker mode='date' value={validFrom} onChange={(e) => setFrom(e.detail.value)}>
            <View className='m-picker'>{validFrom}</View>
          </Picker>
          <Text className='offer-date-to'>至</Text>
          <Picker mode='date' value={validTo} onChange={(e) => setTo(e.detail.value)}>
            <View className='m-picker'>{validTo}</View>
          </Picker>
        </View>
      </View>
      <View className='m-field'>
        <Text className='m-field-label'>每人限次</Text>
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
      </View>
      <View className='m-field'>
        <Text className='m-field-label'>总名额（选填，留空为不限）</Text>
        <Input className='m-input' type='number' value={total} maxlength={7} onInput={(e) => setTotal(e.detail.value)} />
      </View>
      <View className='offer-form-actions'>
        <View className='m-small-btn' onClick={props.onCancel}>
          取消
        </View>
        <View
          className={`m-small-btn offer-save ${props.busy ? 'm-small-btn-disabled' : ''}`}
          onClick={() => !props.busy && save()}
        >
          {props.busy ? '保存中…' : '保存优惠'}
        </View>
      </View>
    </View>
  );
}
