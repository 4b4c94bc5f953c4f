import { Image, Input, Text, View } from '@tarojs/components';
import { useImageUpload } from '../../../hooks/useImageUpload';
import { CERT_OPTIONS } from '../format';
import type { Draft } from '../store';

export interface DeclarationFieldsProps {
  draft: Draft;
  errors: Record<string, string>;
  photoRequired: boolean;
  /** Needed to upload the photo into the member's own folder. */
  openid: string;
  onChange: (change: Partial<Draft>) => void;
}

/**
 * What a member declares about their trade: years in it, certificate level, certificate photo. Test ids
 * `competitions-years` (input inside), `competitions-cert-<level>`, `competitions-photo`, errors `<id>-error`.
 */
export function DeclarationFields({ draft, errors, photoRequired, openid, onChange }: DeclarationFieldsProps) {
  const { uploading, pick: pickImage } = useImageUpload(openid);
  const pick = () => pickImage((certPhoto, photoPreview) => onChange({ certPhoto, photoPreview }));
  return (
    <View>
      <View className='competitions-field competitions-years' data-testid='competitions-years'>
        <Text className='competitions-field-label competitions-field-required'>从事本工种年限（年）</Text>
        <Input
          className='competitions-input'
          type='number'
          maxlength={2}
          value={draft.tradeYears}
          placeholder='如：6'
          onInput={(e) => onChange({ tradeYears: e.detail.value })}
        />
        {errors.tradeYears && (
          <Text className='competitions-field-error' data-testid='competitions-years-error'>
            {errors.tradeYears}
          </Text>
        )}
      </View>
      <View className='competitions-field competitions-cert'>
        <Text className='competitions-field-label competitions-field-required'>职业技能等级</Text>
        <View className='competitions-chips'>
          {CERT_OPTIONS.map((o) => (
            <View
              key={o.key}
              className={`competitions-chip competitions-cert-${o.key} ${draft.certLevel === o.key ? 'competitions-chip-on' : ''}`}
              data-testid={`competitions-cert-${o.key}`}
              onClick={() => onChange({ certLevel: o.key })}
            >
              {o.label}
            </View>
          ))}
        </View>
        {errors.certLevel && (
          <Text className='competitions-field-error' data-testid='competitions-cert-error'>
            {errors.certLevel}
          </Text>
        )}
      </View>
      <View className='competitions-field'>
        <Text className={`competitions-field-label ${photoRequired ? 'competitions-field-required' : ''}`}>
          职业技能等级证书照片
        </Text>
        <View className='competitions-photo' data-testid='competitions-photo' onClick={() => void pick()}>
          {draft.photoPreview && <Image className='competitions-photo-preview' src={draft.photoPreview} mode='aspectFill' />}
          <Text className='competitions-photo-hint'>
            {uploading ? '上传中…' : draft.certPhoto ? '已上传，点击更换' : '点击上传证书照片'}
          </Text>
        </View>
        <Text className='competitions-field-note'>证书仅用于所在单位工会和组织单位核实，不会公开</Text>
        {errors.certPhoto && (
          <Text className='competitions-field-error' data-testid='competitions-photo-error'>
            {errors.certPhoto}
          </Text>
        )}
      </View>
    </View>
  );
}

/** Checks on the phone before sending (the server checks everything again). */
export function declarationErrors(draft: Draft, photoRequired: boolean): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!/^\d{1,2}$/.test(draft.tradeYears.trim())) errors.tradeYears = '请填写从事本工种的年限（整数）';
  if (!draft.certLevel) errors.certLevel = '请选择职业技能等级';
  if (photoRequired && !draft.certPhoto) errors.certPhoto = '请上传职业技能等级证书照片';
  return errors;
}
