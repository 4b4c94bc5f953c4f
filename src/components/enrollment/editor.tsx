import { useMemo, useState, type ReactNode } from 'react';
import { Picker, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ApiError, call, errorMessage } from '../../api/client';
import type { Org } from '../../api/types';
import { useRemote } from '../../hooks/useRemote';
import { orgScopesOf, useSession } from '../../stores/session';
import type { RouteName } from '../../features';
import { PageShell } from '../PageShell';
import { StateView } from '../StateView';

/**
 * The page of an activity editor on the enrollment engine (疗休养, 单身联谊): loads the union tree and, when
 * editing, the activity; offers only the unions the staffer may organise for (their staff scopes' subtrees;
 * administrators: all). `children` renders the editor once both are there.
 */
export function ActivityEditorPage<T>({
  className,
  page,
  load,
  children,
}: {
  className: string;
  page: RouteName;
  /** The activity being edited, or null for a new one. */
  load: () => Promise<T | null>;
  children: (orgs: Org[], activity: T | null) => ReactNode;
}) {
  const { session } = useSession();
  const remote = useRemote(async () => {
    const [tree, activity] = await Promise.all([call('org.tree', {}), load()]);
    return { orgs: tree.orgs, activity };
  });
  const scopes = orgScopesOf(session);
  const orgs = remote.data?.orgs.filter((o) => scopes === null || o.path.some((p) => scopes.includes(p))) ?? [];
  return (
    <PageShell className={className} page={page}>
      <StateView
        loading={(remote.loading && !remote.data) || !session}
        error={remote.error}
        errorCode={remote.errorCode}
        onRetry={remote.reload}
      >
        {remote.data && session && children(orgs, remote.data.activity)}
      </StateView>
    </PageShell>
  );
}

/**
 * An editor's form state: `set` edits one field (its old complaint goes at once); `save` checks the form
 * (`checked`: the input, or the first problem as [field, message]), sends it, and shows a failure by the field
 * the server names (`fieldKey` maps it to the form's own) and above the save button.
 */
export function useActivityForm<F, I>(initial: () => F) {
  const [form, setForm] = useState<F>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const set = <K extends keyof F>(key: K, value: F[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setErrors((e) => (key in e ? Object.fromEntries(Object.entries(e).filter(([k]) => k !== key)) : e));
  };
  const save = async (
    checked: { input?: I; problem?: [string, string] },
    send: (input: I) => Promise<void>,
    fieldKey: (field: string) => string = (field) => field,
  ) => {
    if (saving) return;
    setServerError(null);
    const { input, problem } = checked;
    if (problem || !input) return setErrors(problem ? { [problem[0]]: problem[1] } : {});
    setErrors({});
    setSaving(true);
    try {
      await send(input);
    } catch (e) {
      const field = e instanceof ApiError ? String((e.details as { field?: string } | undefined)?.field ?? '') : '';
      if (field) setErrors({ [fieldKey(field)]: errorMessage(e) });
      setServerError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };
  return { form, setForm, set, errors, serverError, saving, save };
}

/** After a save: 已保存, then back when editing, or on to the new activity's roster (`rosterRoute`). */
export function leaveAfterSave(editing: boolean, rosterRoute: string, savedId: string) {
  void Taro.showToast({ title: '已保存', icon: 'success' });
  if (editing) void Taro.navigateBack();
  else void Taro.redirectTo({ url: `${rosterRoute}?id=${savedId}` });
}

/** 组织工会: a picker of the unions offered. e2e hook `.<p>-edit-org`. */
export function OrgField({
  p,
  orgs,
  value,
  error,
  onChange,
}: {
  p: string;
  orgs: Org[];
  value: string;
  error?: string;
  onChange: (orgId: string) => void;
}) {
  const index = useMemo(
    () =>
      Math.max(
        0,
        orgs.findIndex((o) => o._id === value),
      ),
    [orgs, value],
  );
  return (
    <View className={`${p}-field`}>
      <Text className={`${p}-field-label`}>组织工会</Text>
      <Picker
        mode='selector'
        range={orgs.map((o) => o.name)}
        value={index}
        onChange={(e) => onChange(orgs[Number(e.detail.value)]?._id ?? '')}
      >
        <View className={`${p}-input ${p}-edit-org`}>{orgs[index]?.name ?? '请选择'}</View>
      </Picker>
      {error && <Text className={`${p}-field-error`}>{error}</Text>}
    </View>
  );
}
