import { useState } from 'react';
import { View, Text, Image, Picker } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { FIRST_DAY, LAST_DAY } from '@rules/dates';
import { call, errorMessage } from '../../../api/client';
import type { NoticeView, Org } from '../../../api/types';
import { uploadImage } from '../../../api/upload';
import { Button } from '../../../components/Button';
import { Field, FieldFrame, PickerField } from '../../../components/Field';
import { OrgPicker } from '../../../components/OrgPicker/OrgPicker';
import { useRemote } from '../../../hooks/useRemote';
import { orgScopesOf, useSession } from '../../../stores/session';
import { formatDate, todayIso } from '../../../utils/format';
import { ROUTES } from '../../../utils/nav';
import { validateNotice, type NoticeErrors } from './validateNotice';
import './index.scss';

interface Cover {
  fileId: string;
  preview: string;
}

/**
 * e2e hooks: `.notice-title-input input`, `.notice-date`, `.notice-org`, `.notice-body-input textarea`,
 * `.notice-cover-upload`, `.notice-cover-preview`, `.notice-save`, `.notice-form-error`.
 */
export function NoticeForm({ initial }: { initial: NoticeView | null }) {
  const { session } = useSession();
  const tree = useRemote(() => call('org.tree', {}));
  const within = orgScopesOf(session);
  const [title, setTitle] = useState(initial?.title ?? '');
  const [date, setDate] = useState(initial?.date ?? todayIso());
  const [body, setBody] = useState(initial?.body ?? '');
  const [picked, setPicked] = useState<{ id: string; name: string } | null>(
    initial ? { id: initial.orgId, name: initial.orgName } : null,
  );
  const [cover, setCover] = useState<Cover | null>(
    initial?.coverFileId ? { fileId: initial.coverFileId, preview: initial.coverUrl ?? '' } : null,
  );
  const [picking, setPicking] = useState(false);
  const [uploading, setUploading] = useState(false);
  const [saving, setSaving] = useState(false);
  const [errors, setErrors] = useState<NoticeErrors>({});
  /** Changing a field takes its message away. */
  const edit =
    (key: keyof NoticeErrors, set: (value: string) => void) =>
    (value: string): void => {
      set(value);
      if (errors[key]) setErrors({ ...errors, [key]: undefined });
    };
  const [formError, setFormError] = useState<string | null>(null);

  // A staffer of one union publishes for it unless they pick another in their subtree.
  const onlyScope = within?.length === 1 ? tree.data?.orgs.find((o) => o._id === within[0]) : undefined;
  const org = picked ?? (onlyScope ? { id: onlyScope._id, name: onlyScope.name } : null);

  const chooseCover = async () => {
    setFormError(null);
    try {
      const chosen = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
      const path = chosen.tempFilePaths[0];
      if (!path || !session) return;
      setUploading(true);
      setCover({ fileId: await uploadImage(path, session.openid), preview: path });
    } catch (e) {
      // Closing the album is not an error.
      if (!/cancel/i.test(String((e as { errMsg?: string })?.errMsg ?? ''))) setFormError(errorMessage(e));
    } finally {
      setUploading(false);
    }
  };

  const save = async () => {
    setFormError(null);
    const fields = { title, date, body, orgId: org?.id ?? '' };
    const found = validateNotice(fields);
    setErrors(found);
    if (Object.keys(found).length) return;
    setSaving(true);
    try {
      await call('notices.save', {
        ...(initial ? { noticeId: initial._id } : {}),
        title: title.trim(),
        date,
        body: body.trim(),
        orgId: fields.orgId,
        ...(cover ? { coverFileId: cover.fileId } : {}),
      });
      void Taro.showToast({ title: initial ? '已保存' : '已发布', icon: 'success' });
      if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
      else void Taro.redirectTo({ url: ROUTES.noticeManage });
    } catch (e) {
      setFormError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <View className='section notice-form'>
      <Field
        label='标题'
        name='notice-title-input'
        value={title}
        maxlength={40}
        placeholder='4至40个字'
        error={errors.title}
        onInput={edit('title', setTitle)}
      />
      <FieldFrame label='发布日期' error={errors.date}>
        <Picker
          mode='date'
          value={date}
          start={FIRST_DAY}
          end={LAST_DAY}
          onChange={(e) => edit('date', setDate)(String(e.detail.value))}
        >
          <View className='field-control field-picker notice-date'>
            <Text className='field-picker-value'>{formatDate(date)}</Text>
            <Text className='field-picker-arrow'>›</Text>
          </View>
        </Picker>
      </FieldFrame>
      <PickerField
        label='发布单位'
        name='notice-org'
        value={org?.name ?? ''}
        placeholder='请选择工会'
        error={errors.orgId}
        onOpen={() => setPicking(true)}
      />
      <Field
        label='正文'
        name='notice-body-input'
        multiline
        value={body}
        maxlength={4000}
        placeholder='至少10个字；空一行即分段'
        error={errors.body}
        onInput={edit('body', setBody)}
      />
      <FieldFrame label='封面图片（可选）'>
        {cover?.preview && <Image className='notice-cover-preview' src={cover.preview} mode='aspectFill' />}
        <View className='notice-cover-actions'>
          <Button
            small
            kind='plain'
            className='notice-cover-upload'
            loading={uploading}
            loadingText='上传中…'
            onClick={() => void chooseCover()}
          >
            {cover ? '更换封面' : '上传封面'}
          </Button>
          {cover && (
            <Button small kind='quiet' className='notice-cover-remove' onClick={() => setCover(null)}>
              移除
            </Button>
          )}
        </View>
      </FieldFrame>
      {formError && <Text className='form-error notice-form-error'>{formError}</Text>}
      <Button
        block
        className='notice-save'
        loading={saving}
        loadingText='保存中…'
        disabled={uploading}
        onClick={() => void save()}
      >
        {initial ? '保存修改' : '发布'}
      </Button>
      {picking && tree.data && (
        <OrgPicker
          orgs={tree.data.orgs}
          filter={{ purpose: 'any', within }}
          title='选择发布单位'
          onClose={() => setPicking(false)}
          onSelect={(o: Org) => {
            setPicked({ id: o._id, name: o.name });
            setErrors({ ...errors, orgId: undefined });
            setPicking(false);
          }}
        />
      )}
    </View>
  );
}
