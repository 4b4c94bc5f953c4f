import { useState } from 'react';
import { Switch, Text, View } from '@tarojs/components';
import { AREA_LABELS, SWITCHABLE_AREAS, type SwitchableArea } from '@rules/areas';
import { call } from '../../api/client';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { PageShell } from '../../components/PageShell';
import { StateView } from '../../components/StateView';
import { useAction } from '../../hooks/useAction';
import { useRemote } from '../../hooks/useRemote';
import { NATIONAL_HOTLINE, useSettingsStore, type UnionSettings } from '../../stores/settings';
import { DEADLINES, toForm, toSaveInput, type DeadlineKey, type Form } from './form';
import { MessageTemplates } from './MessageTemplates';
import './index.scss';

/**
 * 系统设置 (administrators): the union's name, hotline, districts, where maps open, and which areas are on.
 * Saved with the version read: another administrator's save since is refused (the page reloads the current
 * settings). An area switched off disappears from tiles and 工作台 and refuses its actions.
 * Also the deadlines (审核期限…) and the subscribe-message templates from 小程序后台: each one's id and which of
 * its fields carries which part of the message (`thing7=title, phrase3=status, date2=time`).
 * Test hooks: data-testid `settings-name`, `settings-short-name`, `settings-city`, `settings-hotline`,
 * `settings-districts`, `settings-latitude`, `settings-longitude`, `settings-area-<area>`, `settings-deadline-<key>`,
 * `settings-save` (the templates' ids are in MessageTemplates).
 */
export default function SettingsEdit() {
  const remote = useRemote(() => call('settings.get', {}));
  const setSettings = useSettingsStore((s) => s.setSettings);
  const act = useAction();
  const [form, setForm] = useState<Form | null>(null);
  const [shown, setShown] = useState<UnionSettings | undefined>(undefined);
  const version = remote.data?.version ?? 0;
  // Each answer (first load, after a save, after a conflict) replaces the form: adjusted while rendering.
  if (remote.data && remote.data !== shown) {
    setShown(remote.data);
    setForm(toForm(remote.data));
  }

  const edit = (key: keyof Form, value: string) => {
    setForm((f) => (f ? { ...f, [key]: value } : f));
    act.clearField(key);
  };
  const editDeadline = (key: DeadlineKey, value: string) => {
    setForm((f) => (f ? { ...f, deadlines: { ...f.deadlines, [key]: value } } : f));
    act.clearField(key);
  };
  const editTemplate = (key: string, value: string) => {
    setForm((f) => (f ? { ...f, templateIds: { ...f.templateIds, [key]: value } } : f));
    act.clearField(`template-${key}`);
  };
  const editTemplateFields = (key: string, value: string) => {
    setForm((f) => (f ? { ...f, templateFields: { ...f.templateFields, [key]: value } } : f));
    act.clearField(`template-fields-${key}`);
  };
  const toggle = (area: SwitchableArea, on: boolean) => setForm((f) => (f ? { ...f, areas: { ...f.areas, [area]: on } } : f));

  const save = () => {
    if (!form) return;
    const { input, errors } = toSaveInput(form, version);
    if (!input) return act.setFieldErrors(errors);
    void act.run(() => call('settings.save', input), {
      success: '已保存',
      failTitle: '未能保存设置',
      // The server names top-level fields (union, areas): shown in the dialog.
      fieldKey: () => undefined,
      onDone: (saved) => {
        setSettings(saved);
        remote.reload();
      },
      onFail: (refusal) => {
        if (refusal.code === 'CONFLICT') remote.reload();
      },
    });
  };

  const field = (
    label: string,
    key: 'name' | 'shortName' | 'city' | 'hotline' | 'latitude' | 'longitude',
    testId: string,
    max: number,
    placeholder?: string,
  ) =>
    form && (
      <View data-testid={testId}>
        <Field
          label={label}
          name={testId}
          value={form[key]}
          maxlength={max}
          placeholder={placeholder}
          error={act.fieldErrors[key]}
          onInput={(v) => edit(key, v)}
        />
      </View>
    );

  return (
    <PageShell className='settings' page='settingsEdit'>
      <StateView remote={remote} loading={remote.loading && !remote.data}>
        {form && (
          <>
            <View className='section'>
              <Text className='section-title'>本工会</Text>
              {field('工会名称', 'name', 'settings-name', 40, '如：某某市总工会')}
              {field('简称', 'shortName', 'settings-short-name', 20, '如：某某总工会')}
              {field('所在城市', 'city', 'settings-city', 20, '如：某某市')}
              {field('职工服务热线', 'hotline', 'settings-hotline', 20, `${NATIONAL_HOTLINE} 或本地热线`)}
              <View data-testid='settings-districts'>
                <Field
                  label='辖区'
                  name='settings-districts'
                  value={form.districts}
                  error={act.fieldErrors.districts}
                  multiline
                  maxlength={800}
                  note='每行一个；可在名称后写该区中心坐标（纬度 经度），会员未开启定位时按它计算距离，如：天宁区 31.781 119.98'
                  onInput={(v) => edit('districts', v)}
                />
              </View>
            </View>
            <View className='section'>
              <Text className='section-title'>地图中心</Text>
              <Text className='muted'>会员未开启定位时，地图从这里打开（微信地图坐标 GCJ-02）。</Text>
              {field('纬度', 'latitude', 'settings-latitude', 12, '如 31.78')}
              {field('经度', 'longitude', 'settings-longitude', 12, '如 119.97')}
            </View>
            <View className='section'>
              <Text className='section-title'>开通的服务</Text>
              <Text className='muted'>关闭的服务从首页、服务和工作台中隐藏，会员和工作人员都无法使用。</Text>
              {SWITCHABLE_AREAS.map((area) => (
                <View className='row settings-area' key={area}>
                  <Text>{AREA_LABELS[area]}</Text>
                  <Switch
                    data-testid={`settings-area-${area}`}
                    className={`settings-area-${area}`}
                    checked={form.areas[area]}
                    color='#c8161d'
                    onChange={(e) => toggle(area, e.detail.value)}
                  />
                </View>
              ))}
            </View>
            <View className='section'>
              <Text className='section-title'>办理时限</Text>
              <Text className='muted'>申请等待审核超过审核期限即标为「已超期」，并每天提醒负责审核的工作人员一次。</Text>
              {DEADLINES.map((d) => (
                <View data-testid={`settings-deadline-${d.key}`} key={d.key}>
                  <Field
                    label={`${d.label}（${d.unit}）`}
                    name={`settings-deadline-${d.key}`}
                    type='number'
                    value={form.deadlines[d.key]}
                    maxlength={3}
                    error={act.fieldErrors[d.key]}
                    onInput={(v) => editDeadline(d.key, v)}
                  />
                </View>
              ))}
            </View>
            <MessageTemplates
              templateIds={form.templateIds}
              templateFields={form.templateFields}
              errors={act.fieldErrors}
              onTemplate={editTemplate}
              onFields={editTemplateFields}
            />
            <View className='section'>
              <Text className='muted settings-version'>
                第{version}版{remote.data?.updatedAt ? '' : '（尚未在小程序中修改）'}
              </Text>
              <Button block className='settings-save' testId='settings-save' loading={act.busy} onClick={save}>
                保存设置
              </Button>
            </View>
          </>
        )}
      </StateView>
    </PageShell>
  );
}
