import { useState } from 'react';
import { PRIVACY_POLICY_VERSION } from '@rules/membership';
import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { call, errorMessage } from '../../../api/client';
import type { ApplyInput, Occupation, Org } from '../../../api/types';
import { PageShell } from '../../../components/PageShell';
import { StateView } from '../../../components/StateView';
import { useRemote } from '../../../hooks/useRemote';
import { useSessionStore } from '../../../stores/session';
import { OCCUPATION_OPTIONS } from '../../../utils/format';
import { ROUTES, go } from '../../../utils/nav';
import { validateApply, type ApplyErrors } from '../../../utils/validate';
import { Field } from '../components/Field';
import { OrgPicker } from '../components/OrgPicker';
import { useApplyForm } from '../store';
import '../components/Field.scss';
import './index.scss';

async function loadApplyContext() {
  const [session, tree] = await Promise.all([call('session.get', {}), call('org.tree', {})]);
  return { session, orgs: tree.orgs };
}

export default function Apply() {
  const remote = useRemote(loadApplyContext);
  const { fields, orgName, maskedHints, setField, setOrg, reset } = useApplyForm();
  const [errors, setErrors] = useState<ApplyErrors>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [picking, setPicking] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const reloadSession = useSessionStore((s) => s.load);

  const submit = async () => {
    setServerError(null);
    const found = validateApply(fields);
    setErrors(found);
    if (Object.keys(found).length) return;
    const input: ApplyInput = {
      name: fields.name.trim(),
      idNumber: fields.idNumber.trim().toUpperCase(),
      mobile: fields.mobile.trim(),
      workUnit: fields.workUnit.trim(),
      orgId: fields.orgId,
      channel: fields.channel,
      ...(fields.channel === 'new_employment' ? { occupation: fields.occupation as Occupation } : {}),
      privacyConsent: PRIVACY_POLICY_VERSION,
    };
    setSubmitting(true);
    try {
      await call('membership.apply', input);
      reset();
      void reloadSession();
      void Taro.showToast({ title: '提交成功', icon: 'success' });
      void Taro.redirectTo({ url: ROUTES.applicationStatus });
    } catch (e) {
      // The form store keeps everything typed; the member can retry as is.
      setServerError(errorMessage(e));
    } finally {
      setSubmitting(false);
    }
  };

  const session = remote.data?.session;
  const pending = session?.application?.status === 'pending';

  return (
    <PageShell className='apply'>
      <StateView loading={remote.loading} error={remote.error} onRetry={remote.reload}>
        {session?.member ? (
          <View className='section apply-already'>
            <Text className='section-title'>您已是工会会员</Text>
            <Text className='muted'>{session.member.orgName}</Text>
            <View className='btn' onClick={() => go(ROUTES.card)}>
              出示电子工会卡
            </View>
          </View>
        ) : (
          <View className='section apply-form'>
            <Text className='section-title'>实名入会</Text>
            {pending && <Text className='muted apply-pending-note'>您已有一份审核中的申请，再次提交将更新该申请。</Text>}
            <View className='field'>
              <View className='field-row'>
                <Text className='field-label'>入会方式</Text>
                <View className='chips'>
                  <View
                    className={`chip apply-channel-employer ${fields.channel === 'employer' ? 'chip-active' : ''}`}
                    onClick={() => setField('channel', 'employer')}
                  >
                    单位职工
                  </View>
                  <View
                    className={`chip apply-channel-new ${fields.channel === 'new_employment' ? 'chip-active' : ''}`}
                    onClick={() => setField('channel', 'new_employment')}
                  >
                    新就业形态劳动者
                  </View>
                </View>
              </View>
            </View>
            {maskedHints && (
              <Text className='apply-correcting-hint'>为保护个人信息，身份证号和手机号不会回显，请重新填写后提交。</Text>
            )}
            <Field
              label='姓名'
              name='apply-name'
              value={fields.name}
              placeholder='请输入真实姓名'
              maxlength={30}
              error={errors.name}
              onInput={(v) => setField('name', v)}
            />
            <Field
              label='身份证号'
              name='apply-id'
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
              type='number'
              value={fields.mobile}
              placeholder={maskedHints ? `请重新填写（原 ${maskedHints.mobile}）` : '11位手机号'}
              maxlength={11}
              error={errors.mobile}
              onInput={(v) => setField('mobile', v)}
            />
            {fields.channel === 'new_employment' && (
              <View className='field'>
                <View className='field-row'>
                  <Text className='field-label'>职业</Text>
                  <View className='chips'>
                    {OCCUPATION_OPTIONS.map((o) => (
                      <View
                        key={o.value}
                        className={`chip apply-occupation ${fields.occupation === o.value ? 'chip-active' : ''}`}
                        onClick={() => setField('occupation', o.value)}
                      >
                        {o.label}
                      </View>
                    ))}
                  </View>
                </View>
                {errors.occupation && <Text className='field-error'>{errors.occupation}</Text>}
              </View>
            )}
            <Field
              label={fields.channel === 'new_employment' ? '所在平台/单位' : '工作单位'}
              name='apply-workunit'
              value={fields.workUnit}
              placeholder={fields.channel === 'new_employment' ? '如：某某快递常州网点' : '请输入工作单位全称'}
              maxlength={60}
              error={errors.workUnit}
              onInput={(v) => setField('workUnit', v)}
            />
            <View className={`field ${errors.orgId ? 'field-invalid' : ''}`}>
              <View className='field-row apply-org' onClick={() => setPicking(true)}>
                <Text className='field-label'>所属工会</Text>
                <Text className={`field-picker-value ${orgName ? '' : 'field-placeholder'}`}>{orgName || '请选择所属工会'}</Text>
                <Text className='muted'>›</Text>
              </View>
              {errors.orgId && <Text className='field-error'>{errors.orgId}</Text>}
            </View>
            {serverError && <Text className='form-error apply-server-error'>{serverError}</Text>}
            <Button
              className='apply-submit'
              type='primary'
              block
              loading={submitting}
              disabled={submitting}
              onClick={() => void submit()}
            >
              提交申请
            </Button>
            <Text className='muted apply-privacy'>身份证号仅用于实名核验，加密保存，页面仅显示脱敏信息。</Text>
          </View>
        )}
      </StateView>
      {picking && remote.data && (
        <OrgPicker
          orgs={remote.data.orgs}
          onlyNewEmployment={fields.channel === 'new_employment'}
          onClose={() => setPicking(false)}
          onSelect={(o: Org) => {
            setOrg(o._id, o.name);
            setErrors({ ...errors, orgId: undefined });
            setPicking(false);
          }}
        />
      )}
    </PageShell>
  );
}
