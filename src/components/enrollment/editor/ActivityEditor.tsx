import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import type { Org } from '../../../api/types';
import { Button } from '../../Button';
import { editorInputs } from './editorInputs';
import type { ActivityArea, ActivityBasics } from './fields';
import { OrgField } from './OrgField';
import './editor.scss';

/** How an area names the parts of the shared form. */
export interface ActivityWords {
  /** 标题 unless the area says otherwise (项目名称). */
  titleLabel?: string;
  titlePlaceholder?: string;
  /** 疗休养基地 … : a field of the area's own shown after the title (and the union). */
  afterTitle?: ReactNode;
  placeLabel: string;
  descriptionLabel: string;
  descriptionPlaceholder?: string;
  feeLabel: string;
  startLabel: string;
  endLabel: string;
  saveText: string;
}

/**
 * The one activity editor: 基本信息 and 时间 (shared), the area's own sections (`children`), and the save bar.
 * Test ids: `<area>-edit-<field>` (its input inside, its error `…-error`), `<area>-edit-save`,
 * `<area>-edit-problems` (the hint above the button while fields are marked).
 */
export function ActivityEditor<F extends ActivityBasics>({
  area,
  words,
  form,
  set,
  errors,
  busy,
  onSave,
  org,
  children,
}: {
  area: ActivityArea;
  words: ActivityWords;
  form: F;
  set: <K extends keyof F>(key: K, value: F[K]) => void;
  errors: Record<string, string>;
  busy: boolean;
  onSave: () => void;
  /** The organising union, for areas whose activities name one. */
  org?: { orgs: Org[]; value: string; onChange: (orgId: string) => void };
  children: ReactNode;
}) {
  const { Line, When } = editorInputs(area);
  const marked = Object.keys(errors).length > 0;
  return (
    <View>
      <View className='section'>
        <Text className='section-title'>基本信息</Text>
        <Line
          label={words.titleLabel ?? '标题'}
          name='title'
          value={form.title}
          error={errors.title}
          placeholder={words.titlePlaceholder}
          onChange={(v) => set('title', v)}
        />
        {org && <OrgField area={area} orgs={org.orgs} value={org.value} error={errors.orgId} onChange={org.onChange} />}
        {words.afterTitle}
        <Line label={words.placeLabel} name='place' value={form.place} error={errors.place} onChange={(v) => set('place', v)} />
        <Line
          multiline
          label={words.descriptionLabel}
          name='description'
          value={form.description}
          error={errors.description}
          placeholder={words.descriptionPlaceholder}
          onChange={(v) => set('description', v)}
        />
        <Line label={words.feeLabel} name='fee' value={form.fee} error={errors.fee} onChange={(v) => set('fee', v)} />
      </View>
      <View className='section'>
        <Text className='section-title'>时间</Text>
        <When
          label='报名开始'
          name='signup-start'
          value={form.signupStart}
          error={errors.signupStart}
          onChange={(v) => set('signupStart', v)}
        />
        <When
          label='报名截止'
          name='signup-end'
          value={form.signupEnd}
          error={errors.signupEnd}
          onChange={(v) => set('signupEnd', v)}
        />
        <When
          label={words.startLabel}
          name='start'
          value={form.startAt}
          error={errors.startAt}
          onChange={(v) => set('startAt', v)}
        />
        <When label={words.endLabel} name='end' value={form.endAt} error={errors.endAt} onChange={(v) => set('endAt', v)} />
      </View>
      {children}
      <View className='activity-bar'>
        {marked && (
          <Text className='activity-bar-hint' data-testid={`${area}-edit-problems`}>
            请按提示修改标红的项
          </Text>
        )}
        <Button block testId={`${area}-edit-save`} loading={busy} loadingText='保存中…' onClick={onSave}>
          {words.saveText}
        </Button>
      </View>
    </View>
  );
}
