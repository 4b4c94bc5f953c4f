import { Text, View } from '@tarojs/components';
import { CHANNEL_LABELS, CHANNELS, OCCUPATION_LABELS, OCCUPATIONS } from '@rules/membership';
import { Checkbox } from '../../../components/Checkbox';
import { Field, FieldFrame, PickerField } from '../../../components/Field';
import { ROUTES, go } from '../../../utils/nav';
import type { ApplyState } from './useApply';

/** A link inside the consent line: opens the text without ticking the box. */
function DocLink({ route, children }: { route: 'privacy' | 'terms'; children: string }) {
  return (
    <Text
      className={`link apply-link-${route}`}
      data-testid={`membership-apply-link-${route}`}
      onClick={(e) => {
        e.stopPropagation();
        go(ROUTES[route]);
      }}
    >
      {children}
    </Text>
  );
}

/** The application's fields: channel, name, ID number, mobile, occupation (new forms of work), unit, union, consent. */
export function ApplyFields({ apply, onPickOrg }: { apply: ApplyState; onPickOrg: () => void }) {
  const { fields, maskedHints, setField, errors, orgName } = apply;
  const isNew = fields.channel === 'new_employment';
  return (
    <>
      <FieldFrame label='入会方式' error={errors.channel}>
        <View className='chips'>
          {CHANNELS.map((c) => (
            <View
              key={c}
              className={`chip apply-channel-${c === 'employer' ? 'employer' : 'new'} ${fields.channel === c ? 'chip-active' : ''}`}
              data-testid={`membership-apply-channel-${c === 'employer' ? 'employer' : 'new'}`}
              onClick={() => setField('channel', c)}
            >
              {CHANNEL_LABELS[c]}
            </View>
          ))}
        </View>
      </FieldFrame>
      {maskedHints && (
        <Text className='apply-note apply-correcting-hint' data-testid='membership-apply-correcting-hint'>
          为保护个人信息，身份证号和手机号不会回显，请重新填写后提交。
        </Text>
      )}
      <Field
        label='姓名'
        name='apply-name'
        testId='membership-apply-name'
        value={fields.name}
        placeholder='请输入身份证上的姓名'
        maxlength={30}
        error={errors.name}
        onInput={(v) => setField('name', v)}
      />
      <Field
        label='身份证号'
        name='apply-id'
        testId='membership-apply-id'
        type='idcard'
        value={fields.idNumber}
        placeholder={maskedHints ? `请重新填写（原 ${maskedHints.idNumber}）` : '18位居民身份证号'}
        maxlength={18}
        error={errors.idNumber}
        onInput={(v) => setField('idNumber', v)}
      />
      <Field
        label='手机号'
        name='apply-mobile'
        testId='membership-apply-mobile'
        type='number'
        value={fields.mobile}
        placeholder={maskedHints ? `请重新填写（原 ${maskedHints.mobile}）` : '11位手机号'}
        maxlength={11}
        error={errors.mobile}
        onInput={(v) => setField('mobile', v)}
      />
      {isNew && (
        <FieldFrame label='职业' error={errors.occupation}>
          <View className='chips'>
            {OCCUPATIONS.map((o) => (
              <View
                key={o}
                className={`chip apply-occupation ${fields.occupation === o ? 'chip-active' : ''}`}
                data-testid='membership-apply-occupation'
                onClick={() => setField('occupation', o)}
              >
                {OCCUPATION_LABELS[o]}
              </View>
            ))}
          </View>
        </FieldFrame>
      )}
      <Field
        label={isNew ? '所在平台/单位' : '工作单位'}
        name='apply-workunit'
        testId='membership-apply-workunit'
        value={fields.workUnit}
        placeholder={isNew ? '如：某某快递常州网点' : '请输入工作单位全称'}
        maxlength={60}
        error={errors.workUnit}
        onInput={(v) => setField('workUnit', v)}
      />
      <PickerField
        label='所属工会'
        name='apply-org'
        testId='membership-apply-org'
        value={orgName}
        placeholder='请选择所属工会'
        error={errors.orgId}
        onOpen={onPickOrg}
      />
      <View className='apply-consent-box'>
        <Checkbox
          className='apply-consent'
          testId='membership-apply-consent'
          checked={fields.consent}
          onChange={(v) => setField('consent', v)}
        >
          我已阅读并同意<DocLink route='privacy'>《隐私政策》</DocLink>和<DocLink route='terms'>《用户协议》</DocLink>
          ，同意工会为办理入会收集、使用我的姓名、身份证号、手机号和工作单位。
        </Checkbox>
        {errors.consent && (
          <Text className='field-error apply-consent-error' data-testid='membership-apply-consent-error'>
            {errors.consent}
          </Text>
        )}
      </View>
    </>
  );
}
