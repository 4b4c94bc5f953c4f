import { Input, Text, Textarea, View } from '@tarojs/components';
import { CASE_TEXT_MAX, CHECKLISTS } from '@rules/legalAid';
import { EvidencePicker } from '../components/EvidencePicker';
import type { BookingState } from './useBooking';

/** The member's side of a booking: the case, evidence, contact details (non-members, call-backs), what to bring. */
export function CaseSection({ booking }: { booking: BookingState }) {
  const { form, change, isMember, session } = booking;
  const errors = booking.act.fieldErrors;
  return (
    <>
      <View className='section'>
        <Text className='section-title'>您的情况</Text>
        <Textarea
          className='la-textarea la-case'
          data-testid='legal-aid-case'
          value={form.caseText}
          maxlength={CASE_TEXT_MAX}
          placeholder='例如：在单位工作了几年、发生了什么、希望得到什么帮助（仅您和该站工作人员可见）'
          onInput={(e) => change({ caseText: e.detail.value })}
        />
        <Text className='la-count'>
          {form.caseText.length}/{CASE_TEXT_MAX}
        </Text>
        {errors.caseText && (
          <Text className='la-error' data-testid='legal-aid-case-error'>
            {errors.caseText}
          </Text>
        )}
        <Text className='la-label'>证据材料（选填，最多9个，照片或PDF，每个不超过10MB）</Text>
        <EvidencePicker files={form.evidence} openid={session?.openid ?? ''} onChange={(evidence) => change({ evidence })} />
        {errors.evidence && (
          <Text className='la-error' data-testid='legal-aid-evidence-error'>
            {errors.evidence}
          </Text>
        )}
      </View>
      {(!isMember || form.way === 'callback') && (
        <View className='section'>
          <Text className='section-title'>联系方式</Text>
          {!isMember && <Text className='la-note'>您还不是工会会员，也可以预约（将标注为非会员），请留下姓名和手机号。</Text>}
          {!isMember && (
            <Input
              className='la-input la-contact-name'
              data-testid='legal-aid-contact-name'
              value={form.contactName}
              maxlength={30}
              placeholder='姓名'
              onInput={(e) => change({ contactName: e.detail.value })}
            />
          )}
          {errors.contactName && (
            <Text className='la-error' data-testid='legal-aid-contact-name-error'>
              {errors.contactName}
            </Text>
          )}
          <Input
            className='la-input la-contact-mobile'
            data-testid='legal-aid-contact-mobile'
            type='number'
            value={form.contactMobile}
            maxlength={11}
            placeholder='手机号'
            onInput={(e) => change({ contactMobile: e.detail.value })}
          />
          {errors.contactMobile && (
            <Text className='la-error' data-testid='legal-aid-contact-mobile-error'>
              {errors.contactMobile}
            </Text>
          )}
        </View>
      )}
      {/* Materials to bring: only for a visit (a lawyer's call back needs nothing carried). */}
      {form.type && form.way !== 'callback' && (
        <View className='section la-checklist-section' data-testid='legal-aid-checklist'>
          <Text className='section-title'>请准备以下材料</Text>
          {CHECKLISTS[form.type].map((item) => (
            <Text key={item} className='la-check-item'>
              {item}
            </Text>
          ))}
        </View>
      )}
    </>
  );
}
