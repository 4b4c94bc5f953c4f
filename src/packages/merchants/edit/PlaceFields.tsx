import { Image, Picker, Text, View } from '@tarojs/components';
import { Button } from '../../../components/Button';
import { Field, FieldFrame, PickerField } from '../../../components/Field';
import { useSettingsStore } from '../../../stores/settings';
import { CATEGORIES, STATION_SERVICES, TIERS } from '@rules/merchants';
import type { PlaceEditState } from './usePlaceEdit';

type TextKey = 'placeName' | 'tags' | 'address' | 'phone' | 'hours' | 'lat' | 'lng';

/**
 * The place's own fields (kind, name, category or services, district, managing union, address, phone, coordinates,
 * hours, intro, photos), each with the error the last save left under it; then 保存 and 暂停/恢复合作.
 */
export function PlaceFields({ edit, onPickOrg }: { edit: PlaceEditState; onPickOrg: () => void }) {
  const { form, set, place, placeId, act } = edit;
  const errors = act.fieldErrors;
  // The union's districts (系统设置): the only ones a place may name.
  const settings = useSettingsStore((s) => s.settings);
  const districts = settings?.union.districts ?? [];
  const field = (label: string, key: TextKey, max: number, hint?: string) => (
    <Field
      label={label}
      name={`edit-${key}`}
      testId={`merchants-edit-${key}`}
      value={form[key]}
      maxlength={max}
      placeholder={hint}
      error={errors[key]}
      onInput={(v) => set(key, v)}
    />
  );
  const toggleService = (s: (typeof STATION_SERVICES)[number]) =>
    set('services', form.services.includes(s) ? form.services.filter((x) => x !== s) : [...form.services, s]);

  return (
    <View className='section'>
      {!placeId && (
        <View className='m-tabs edit-kind'>
          {(['merchant', 'station'] as const).map((k) => (
            <View
              key={k}
              className={`m-tab ${form.kind === k ? 'm-tab-on' : ''}`}
              data-testid={`merchants-edit-kind-${k}`}
              onClick={() => set('kind', k)}
            >
              {k === 'merchant' ? '商户' : '驿站'}
            </View>
          ))}
        </View>
      )}
      {field('名称', 'placeName', 40)}
      {form.kind === 'merchant' ? (
        <View className='edit-pickers'>
          <Picker
            mode='selector'
            range={[...CATEGORIES]}
            value={CATEGORIES.indexOf(form.category)}
            onChange={(e) => set('category', CATEGORIES[Number(e.detail.value)])}
          >
            <View className='m-picker'>类别：{form.category}</View>
          </Picker>
          <Picker
            mode='selector'
            range={[...TIERS]}
            value={TIERS.indexOf(form.tier)}
            onChange={(e) => set('tier', TIERS[Number(e.detail.value)])}
          >
            <View className='m-picker'>等级：{form.tier}</View>
          </Picker>
        </View>
      ) : (
        <FieldFrame label='服务项目'>
          <View className='edit-services'>
            {STATION_SERVICES.map((s) => (
              <Text
                key={s}
                className={`m-tag ${form.services.includes(s) ? 'm-tag-green' : ''}`}
                onClick={() => toggleService(s)}
              >
                {form.services.includes(s) ? '✓ ' : ''}
                {s}
              </Text>
            ))}
          </View>
        </FieldFrame>
      )}
      {field('搜索标签', 'tags', 60, '会员常搜的词，用空格分隔，如：书店 图书 文具')}
      {districts.length ? (
        <Picker
          mode='selector'
          range={districts}
          value={Math.max(0, districts.indexOf(form.district))}
          onChange={(e) => set('district', districts[Number(e.detail.value)])}
        >
          <View className='m-picker edit-district'>区县：{form.district || '请选择'}</View>
        </Picker>
      ) : (
        <Text className='m-error'>本工会尚未设置辖区：请管理员先在「系统设置」中填写辖区</Text>
      )}
      {errors.district && <Text className='m-error'>{errors.district}</Text>}
      <PickerField
        label='管理单位'
        name='edit-org'
        testId='merchants-edit-org'
        value={edit.orgName || (edit.org ? '加载中…' : '')}
        placeholder='请选择工会'
        error={errors.orgId}
        onOpen={() => edit.managing.ready && onPickOrg()}
      />
      {field('地址', 'address', 80, '常州市…路…号')}
      {field('电话', 'phone', 20, '0519-8xxxxxxx')}
      <View className='edit-coords'>
        {field('纬度', 'lat', 12, '31.781')}
        {field('经度', 'lng', 12, '119.980')}
      </View>
      {field(form.kind === 'station' ? '开放时间' : '营业时间', 'hours', 80, '周一至周五 09:00-21:00；周六、周日 10:00-22:00')}
      <Field
        label='简介（选填）'
        name='edit-intro'
        testId='merchants-edit-intro'
        multiline
        value={form.intro}
        maxlength={300}
        error={errors.intro}
        onInput={(v) => set('intro', v)}
      />
      <FieldFrame label='图片（最多6张）'>
        <View className='edit-photos'>
          {(place?.photos ?? []).length === form.photos.length &&
            place?.photoUrls.map((url) => <Image key={url} className='edit-photo' src={url} mode='aspectFill' />)}
          {form.photos.length > (place?.photos.length ?? 0) && (
            <Text className='muted'>已添加 {form.photos.length} 张，保存后显示</Text>
          )}
          {form.photos.length < 6 && (
            <Button
              small
              kind='plain'
              className='edit-add-photo'
              testId='merchants-edit-add-photo'
              disabled={act.busy}
              onClick={() => void edit.addPhoto()}
            >
              添加图片
            </Button>
          )}
        </View>
      </FieldFrame>
      <Button
        block
        className='edit-save'
        testId='merchants-edit-save'
        loading={act.busy}
        loadingText='保存中…'
        onClick={edit.save}
      >
        保存
      </Button>
      {place && (
        <Button
          block
          kind='plain'
          className='edit-status'
          testId='merchants-edit-status'
          disabled={act.busy}
          onClick={() => edit.toggle(place.status === 'active' ? 'suspended' : 'active')}
        >
          {place.status === 'active' ? '暂停合作' : '恢复合作'}
        </Button>
      )}
    </View>
  );
}
