import { Input, Text, Textarea, View } from '@tarojs/components';
import {
  CONTACT_KINDS,
  EDUCATION,
  PROFILE_FIELD_TEXT,
  PROFILE_FIELDS,
  VISIBILITY_TEXT,
  type ContactKind,
  type Education,
  type ProfileField,
  type Visibility,
} from '@rules/matchmaking';
import { Checkbox } from '../../../components/Checkbox';
import { One } from '../inputs';
import type { ProfileDraft } from '../store';
import { Photos } from './Photos';

const EDUCATIONS = Object.entries(EDUCATION).map(([key, label]) => ({ key: key as Education, label }));
const KINDS = Object.entries(CONTACT_KINDS).map(([key, label]) => ({ key: key as ContactKind, label }));
const LEVELS = (Object.entries(VISIBILITY_TEXT) as Array<[Visibility, string]>).map(([key, label]) => ({ key, label }));

function Line(props: {
  label: string;
  name: string;
  value: string;
  error?: string;
  note?: string;
  type?: 'text' | 'number';
  maxlength?: number;
  onChange: (v: string) => void;
}) {
  return (
    <View className={`mm-field mm-edit-${props.name}`} data-testid={`matchmaking-profile-${props.name}`}>
      <Text className='mm-field-label'>{props.label}</Text>
      <Input
        className='mm-input'
        type={props.type ?? 'text'}
        value={props.value}
        maxlength={props.maxlength ?? 20}
        onInput={(e) => props.onChange(e.detail.value)}
      />
      {props.error ? (
        <Text className='mm-field-error' data-testid={`matchmaking-profile-${props.name}-error`}>
          {props.error}
        </Text>
      ) : (
        props.note && <Text className='mm-field-note'>{props.note}</Text>
      )}
    </View>
  );
}

/**
 * The 交友资料 form: the profile, who may see each part, the contact and the declaration. Test ids
 * `matchmaking-profile-<field>` (an input inside; its error `-error`), `matchmaking-profile-contact-value`,
 * `matchmaking-edit-vis-<field>-<level>` (who sees a part), `matchmaking-profile-single`.
 */
export function ProfileForm({
  draft,
  errors,
  openid,
  onChange,
}: {
  draft: ProfileDraft;
  errors: Record<string, string>;
  openid: string;
  onChange: (patch: Partial<ProfileDraft>) => void;
}) {
  const setLevel = (field: ProfileField, level: Visibility) => onChange({ visibility: { ...draft.visibility, [field]: level } });
  return (
    <View>
      <View className='section'>
        <Text className='section-title'>基本资料</Text>
        <Text className='muted'>性别和出生年份取自您的实名会员信息，不能修改。</Text>
        <Line
          label='昵称'
          name='nickname'
          value={draft.nickname}
          error={errors.nickname}
          note='建议不用真实姓名'
          maxlength={12}
          onChange={(v) => onChange({ nickname: v })}
        />
        <Line
          label='身高（厘米）'
          name='height'
          type='number'
          value={draft.height}
          error={errors.height}
          maxlength={3}
          onChange={(v) => onChange({ height: v })}
        />
        <View className='mm-field mm-edit-education' data-testid='matchmaking-profile-education'>
          <Text className='mm-field-label'>学历</Text>
          <One options={EDUCATIONS} value={draft.education} onChange={(v) => onChange({ education: v })} />
        </View>
        <Line label='所在城市' name='city' value={draft.city} error={errors.city} onChange={(v) => onChange({ city: v })} />
        <Line
          label='职业'
          name='occupation'
          value={draft.occupation}
          error={errors.occupation}
          onChange={(v) => onChange({ occupation: v })}
        />
        <View className='mm-field mm-edit-intro' data-testid='matchmaking-profile-intro'>
          <Text className='mm-field-label'>自我介绍（选填）</Text>
          <Textarea
            className='mm-input mm-textarea'
            value={draft.intro}
            maxlength={300}
            onInput={(e) => onChange({ intro: e.detail.value })}
          />
          {errors.intro && (
            <Text className='mm-field-error' data-testid='matchmaking-profile-intro-error'>
              {errors.intro}
            </Text>
          )}
        </View>
        <View className='mm-field mm-edit-photos' data-testid='matchmaking-profile-photos'>
          <Text className='mm-field-label'>照片（最多6张）</Text>
          <Photos photos={draft.photos} openid={openid} onChange={(photos) => onChange({ photos })} />
          <Text className='mm-field-note'>照片按下方“谁能看到”的设置展示；不展示时，对方只看到昵称首字。</Text>
          {errors.photos && (
            <Text className='mm-field-error' data-testid='matchmaking-profile-photos-error'>
              {errors.photos}
            </Text>
          )}
        </View>
      </View>
      <View className='section'>
        <Text className='section-title'>联系方式</Text>
        <Text className='muted'>只有与您互相选择的人才能看到，工作人员也看不到。</Text>
        <View className='mm-field mm-edit-contact' data-testid='matchmaking-profile-contact'>
          <One name='contact-kind' options={KINDS} value={draft.contactKind} onChange={(v) => onChange({ contactKind: v })} />
          <View data-testid='matchmaking-profile-contact-value'>
            <Input
              className='mm-input mm-edit-contact-value'
              value={draft.contactValue}
              maxlength={20}
              placeholder={draft.contactKind === 'wechat' ? '微信号' : '11位手机号'}
              onInput={(e) => onChange({ contactValue: e.detail.value })}
            />
          </View>
          {errors['contact.value'] && (
            <Text className='mm-field-error' data-testid='matchmaking-profile-contact-error'>
              {errors['contact.value']}
            </Text>
          )}
        </View>
      </View>
      <View className='section mm-visibility'>
        <Text className='section-title'>谁能看到</Text>
        <Text className='muted'>
          同场参加者：与您在同一场活动签到的会员（及组织工会）；昵称和性别对他们可见。暂停展示时任何人都看不到。
        </Text>
        {PROFILE_FIELDS.map((field) => (
          <View key={field} className={`mm-field mm-vis-${field}`}>
            <Text className='mm-field-label'>{PROFILE_FIELD_TEXT[field]}</Text>
            <One name={`vis-${field}`} options={LEVELS} value={draft.visibility[field]} onChange={(v) => setLevel(field, v)} />
          </View>
        ))}
      </View>
      <View className='section'>
        <Checkbox
          className='mm-edit-single'
          testId='matchmaking-profile-single'
          checked={draft.singleDeclared}
          onChange={(v) => onChange({ singleDeclared: v })}
        >
          我承诺目前为单身（未婚、离异或丧偶），资料真实
        </Checkbox>
        {errors.singleDeclared && (
          <Text className='mm-field-error' data-testid='matchmaking-profile-single-error'>
            {errors.singleDeclared}
          </Text>
        )}
      </View>
    </View>
  );
}
