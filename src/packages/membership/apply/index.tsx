import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { CHANNEL_LABELS, CHANNELS, OCCUPATION_LABELS, OCCUPATIONS, PRIVACY_POLICY_VERSION } from '@rules/membership';
import { normalizeIdNumber } from '@rules/idNumber';
import { call, errorMessage } from '../../../api/client';
import type { ApplyInput, Org } from '../../../api/types';
import { Button } from '../../../components/Button';
import { Checkbox } from '../../../components/Checkbox';
import { Field, FieldFrame, PickerField } from '../../../components/Field';
import { OrgPicker } from '../../../components/OrgPicker/OrgPicker';
import { PageShell } from '../../../components/PageShell';
import { StateView } from '../../../components/StateView';
import { useRemote } from '../../../hooks/useRemote';
import { useSession, useSessionStore } from '../../../stores/session';
import { ROUTES, go, replaceWith } from '../../../utils/nav';
import { askToSubscribe } from '../../../utils/subscribe';
import { useApplyForm } from '../store';
import { validateApply, type ApplyErrors } from './validateApply';
import './index.scss';

const EMPLOYER = { purpose: 'employer' } as const;
const NEW_EMPLOYMENT = { purpose: 'new_employment' } as const;

/** A link inside the consent line: opens the text without ticking the box. */
function DocLink({ route, children }: { route: 'privacy' | 'terms'; children: string }) {
  return (
    <Text
      className={`link apply-link-${route}`}
      onClick={(e) => {
        e.stopPropagation();
        go(ROUTES[route]);
      }}
    >
      {children}
    </Text>
  );
}

/**
 * 实名入会. e2e hooks: `.apply-name input`, `.apply-id input`, `.apply-mobile input`, `.apply-workunit input`,
 * `.apply-org`, `.apply-consent` (tick box), `.apply-consent-error`, `.apply-submit`, `.apply-server-error`.
 */
export default function Apply() {
  const { session, loading, error, load } = useSession();
  const tree = useRemote(() => call('org.tree', {}));
  const setApplication = useSessionStore((s) => s.setApplication);
  const { fields, orgName, maskedHints, setField: storeField, setOrg, reset } = useApplyForm();
  const [errors, setErrors] = useState<ApplyErrors>({});
  /** A field's message goes away as soon as the member changes it. */
  const setField: typeof storeField = (key, value) => {
    storeField(key, value);
    if (errors[key]) setErrors({ ...errors, [key]: undefined });
  };
  const [serverError, setServerError] = useState<string | null>(null);
  const [picking, setPicking] = useState(false);
  const [submitting, setSubmitting] = useState(false);

  const submit = async () => {
    setServerError(null);
    const found = validateApply(fields);
    setErrors(found);
    if (Object.keys(found).length) return;
    const input: ApplyInput = {
      name: fields.name.trim(),
      idNumber: normalizeIdNumber(fields.idNumber),
      mobile: fields.mobile.trim(),
      workUnit: fields.workUnit.trim(),
      orgId: fields.orgId,
      channel: fields.channel,
      ...(fields.channel === 'new_employment' && fields.occupation ? { occupation: fields.occupation } : {}),
      privacyConsent: PRIVACY_POLICY_VERSION,
    };
    setSubmitting(true);
    try {
      await askToSubscribe('membershipApply'); // in the tap: WeChat asks only in answer to one
      // The answer is the application: the status page shows it without asking again.
      setApplication(await call('membership.apply', input));
      reset();
      void Taro.showToast({ title: '提交成功', icon: 'success' });
      // Back to 入会申请进度 when the correction started there, else open it in place of the form.
      replaceWith(ROUTES.applicationStatus);
    } catch (e) {
      // The form store keeps everything typed; the member can retry as is.
      setServerError(errorMessage(e));
    } finally {
      setSubmitting(false);
    }
  };

  const pending = session?.application?.status === 'pending';
  const isNew = fields.channel === 'new_employment';

  return (
    <PageShell className='apply' page='apply'>
      <StateView
        loading={(loading && !session) || tree.loading}
        error={(!session && error) || tree.error}
        errorCode={tree.errorCode}
        onRetry={() => {
          if (!session) void load();
          if (tree.error) tree.reload();
        }}
      >
        {session?.member ? (
          <View className='section apply-already'>
            <Text className='section-title'>您已是工会会员</Text>
            <Text className='muted'>{session.member.orgName}</Text>
            <Button block onClick={() => go(ROUTES.card)}>
              出示电子工会卡
            </Button>
          </View>
        ) : (
          <View className='section apply-form'>
            <Text className='section-title'>实名入会</Text>
            {pending && <Text className='apply-note apply-pending-note'>您已有一份待审核的申请，再次提交将更新该申请。</Text>}
            <FieldFrame label='入会方式'>
              <View className='chips'>
                {CHANNELS.map((c) => (
                  <View
                    key={c}
                    className={`chip apply-channel-${c === 'employer' ? 'employer' : 'new'} ${fields.channel === c ? 'chip-active' : ''}`}
                    onClick={() => setField('channel', c)}
                  >
                    {CHANNEL_LABELS[c]}
                  </View>
                ))}
              </View>
            </FieldFrame>
            {maskedHints && (
              <Text className='apply-note apply-correcting-hint'>
                为保护个人信息，身份证号和手机号不会回显，请重新填写后提交。
              </Text>
            )}
            <Field
              label='姓名'
              name='apply-name'
              value={fields.name}
              placeholder='请输入身份证上的姓名'
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
            {isNew && (
              <FieldFrame label='职业' error={errors.occupation}>
                <View className='chips'>
                  {OCCUPATIONS.map((o) => (
                    <View
                      key={o}
                      className={`chip apply-occupation ${fields.occupation === o ? 'chip-active' : ''}`}
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
              value={fields.workUnit}
              placeholder={isNew ? '如：某某快递常州网点' : '请输入工作单位全称'}
              maxlength={60}
              error={errors.workUnit}
              onInput={(v) => setField('workUnit', v)}
            />
            <PickerField
              label='所属工会'
              name='apply-org'
              value={orgName}
              placeholder='请选择所属工会'
              error={errors.orgId}
              onOpen={() => setPicking(true)}
            />
            <View className='apply-consent-box'>
              <Checkbox className='apply-consent' checked={fields.consent} onChange={(v) => setField('consent', v)}>
                我已阅读并同意<DocLink route='privacy'>《隐私政策》</DocLink>和<DocLink route='terms'>《用户协议》</DocLink>
                ，同意工会为办理入会收集、使用我的姓名、身份证号、手机号和工作单位。
              </Checkbox>
              {errors.consent && <Text className='field-error apply-consent-error'>{errors.consent}</Text>}
            </View>
            {serverError && <Text className='form-error apply-server-error'>{serverError}</Text>}
            <Button className='apply-submit' block loading={submitting} loadingText='提交中…' onClick={() => void submit()}>
              提交申请
            </Button>
            <Text className='muted apply-privacy'>身份证号仅用于实名核验，加密保存，页面只显示部分号码。</Text>
          </View>
        )}
      </StateView>
      {picking && tree.data && (
        <OrgPicker
          orgs={tree.data.orgs}
          filter={isNew ? NEW_EMPLOYMENT : EMPLOYER}
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
