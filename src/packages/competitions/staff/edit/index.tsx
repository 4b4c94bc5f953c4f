import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { ApiError, call, errorMessage } from '../../../../api/client';
import type { Org } from '../../../../api/types';
import { Button } from '../../../../components/Button';
import { Field, PickerField } from '../../../../components/Field';
import { OrgPicker } from '../../../../components/OrgPicker/OrgPicker';
import { PageShell } from '../../../../components/PageShell';
import { StateView } from '../../../../components/StateView';
import { useRemote } from '../../../../hooks/useRemote';
import { orgScopesOf, useSession } from '../../../../stores/session';
import { ROUTES } from '../../../../utils/nav';
import type { CompetitionDetail, CompetitionSaveInput } from '../../types';
import { COMPETITION_KINDS } from '@rules/competitions';
import { optionsOf } from '@rules/options';
import { chinaYear } from '@rules/time';
import '../../competitions.scss';

const KINDS = optionsOf(COMPETITION_KINDS);

function Form({ initial }: { initial: CompetitionDetail | null }) {
  const { session } = useSession();
  const tree = useRemote(() => call('org.tree', {}));
  const within = orgScopesOf(session);
  const [title, setTitle] = useState(initial?.title ?? '');
  const [kind, setKind] = useState<CompetitionSaveInput['kind']>(initial?.kind ?? 'skills');
  const [year, setYear] = useState(String(initial?.year ?? chinaYear(new Date())));
  const [description, setDescription] = useState(initial?.description ?? '');
  const [picked, setPicked] = useState<{ id: string; name: string } | null>(
    initial ? { id: initial.orgId, name: initial.orgName } : null,
  );
  const [picking, setPicking] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const onlyScope = within?.length === 1 ? tree.data?.orgs.find((o) => o._id === within[0]) : undefined;
  const org = picked ?? (onlyScope ? { id: onlyScope._id, name: onlyScope.name } : null);

  const save = async () => {
    if (saving) return;
    const found: Record<string, string> = {};
    if (title.trim().length < 4) found.title = '竞赛名称至少4个字';
    if (!/^\d{4}$/.test(year.trim())) found.year = '请填写四位年度，如 2026';
    if (description.trim().length < 10) found.description = '竞赛介绍至少10个字';
    if (!org) found.orgId = '请选择主办工会';
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length) return;
    setSaving(true);
    try {
      const saved = await call('competitions.save', {
        ...(initial ? { competitionId: initial._id } : {}),
        orgId: org!.id,
        title: title.trim(),
        kind,
        year: Number(year),
        description: description.trim(),
      });
      void Taro.showToast({ title: '已保存', icon: 'success' });
      void Taro.redirectTo({ url: `${ROUTES.competitionDetail}?id=${saved._id}` });
    } catch (e) {
      const field = e instanceof ApiError ? String((e.details as { field?: string } | undefined)?.field ?? '') : '';
      if (field) setErrors({ [field]: errorMessage(e) });
      setFormError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <View className='section'>
      <Field
        label='竞赛名称'
        name='competitions-edit-title'
        value={title}
        maxlength={40}
        error={errors.title}
        onInput={setTitle}
        placeholder='如：常州市第十六届职工职业技能竞赛'
      />
      <View className='competitions-field'>
        <Text className='competitions-field-label'>竞赛类别</Text>
        <View className='competitions-chips'>
          {KINDS.map((k) => (
            <View
              key={k.key}
              className={`competitions-chip ${kind === k.key ? 'competitions-chip-on' : ''}`}
              onClick={() => setKind(k.key)}
            >
              {k.label}
            </View>
          ))}
        </View>
      </View>
      <Field
        label='年度'
        name='competitions-edit-year'
        type='number'
        value={year}
        maxlength={4}
        error={errors.year}
        onInput={setYear}
      />
      <PickerField
        label='主办工会'
        name='competitions-edit-org'
        value={org?.name ?? ''}
        placeholder='请选择'
        error={errors.orgId}
        onOpen={() => setPicking(true)}
      />
      <Field
        label='竞赛介绍'
        name='competitions-edit-description'
        multiline
        maxlength={4000}
        value={description}
        error={errors.description}
        onInput={setDescription}
        placeholder='竞赛目的、组织方式、奖励办法等'
      />
      {formError && <Text className='competitions-error competitions-form-error'>{formError}</Text>}
      <Button block className='competitions-save' loading={saving} loadingText='保存中…' onClick={() => void save()}>
        保存
      </Button>
      {picking && tree.data && (
        <OrgPicker
          orgs={tree.data.orgs}
          filter={{ purpose: 'any', within }}
          title='选择主办工会'
          onClose={() => setPicking(false)}
          onSelect={(o: Org) => {
            setPicked({ id: o._id, name: o.name });
            setPicking(false);
          }}
        />
      )}
    </View>
  );
}

/** 编辑竞赛: a new competition, or one of the staffer's (`?id=`). e2e hooks `.competitions-edit-title input`, `.competitions-save`. */
export default function EditCompetition() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const remote = useRemote(() => (id ? call('competitions.get', { competitionId: id }) : Promise.resolve(null)));
  return (
    <PageShell className='competitions-edit' page='competitionEdit' title={id ? '编辑竞赛' : '新建竞赛'}>
      <StateView remote={remote}>{!remote.loading && <Form initial={remote.data ?? null} />}</StateView>
    </PageShell>
  );
}
