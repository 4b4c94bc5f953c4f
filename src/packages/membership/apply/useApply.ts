import Taro from '@tarojs/taro';
import { PRIVACY_POLICY_VERSION } from '@rules/membership';
import { normalizeIdNumber } from '@rules/idNumber';
import { call } from '../../../api/client';
import type { ApplyInput } from '../../../api/types';
import { useAction } from '../../../hooks/useAction';
import { useSessionStore } from '../../../stores/session';
import { ROUTES, replaceWith } from '../../../utils/nav';
import { askToSubscribe } from '../../../utils/subscribe';
import { useApplyForm } from '../store';
import { validateApply, type ApplyFields } from './validateApply';

/** Server field → the form's field (the consent's version is the tick box). */
const FORM_KEY: Record<string, keyof ApplyFields> = {
  name: 'name',
  idNumber: 'idNumber',
  mobile: 'mobile',
  workUnit: 'workUnit',
  orgId: 'orgId',
  channel: 'channel',
  occupation: 'occupation',
  privacyConsent: 'consent',
};

/**
 * The application form's state (a store: everything typed survives a refusal or a trip to 隐私政策), its checks on
 * the phone, and the submission through `useAction`: errors under their field, a field's error gone once edited.
 */
export function useApply() {
  const form = useApplyForm();
  const setApplication = useSessionStore((s) => s.setApplication);
  const act = useAction();
  const { fields } = form;

  const setField: typeof form.setField = (key, value) => {
    form.setField(key, value);
    act.clearField(key);
  };
  const setOrg = (id: string, name: string) => {
    form.setOrg(id, name);
    act.clearField('orgId');
  };

  const submit = () => {
    const found = Object.entries(validateApply(fields)).filter((e): e is [string, string] => !!e[1]);
    act.setFieldErrors(Object.fromEntries(found));
    if (found.length) return;
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
    void act.run(
      async () => {
        await askToSubscribe('membershipApply'); // in the tap: WeChat asks only in answer to one
        return call('membership.apply', input);
      },
      {
        failTitle: '提交未成功',
        fieldKey: (f) => FORM_KEY[f],
        onDone: (application) => {
          // The answer is the application: the status page shows it without asking again.
          setApplication(application);
          form.reset();
          void Taro.showToast({ title: '提交成功', icon: 'success' });
          // Back to 入会申请进度 when the correction started there, else open it in place of the form.
          replaceWith(ROUTES.applicationStatus);
        },
      },
    );
  };

  return { ...form, setField, setOrg, act, errors: act.fieldErrors, submit };
}

export type ApplyState = ReturnType<typeof useApply>;
