import { useState } from 'react';
import { View, Text, Image, Picker } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { FIRST_DAY, LAST_DAY } from '@rules/dates';
import { call } from '../../../api/client';
import type { NoticeView, Org } from '../../../api/types';
import { uploadImage } from '../../../api/upload';
import { Button } from '../../../components/Button';
import { Field, FieldFrame, PickerField } from '../../../components/Field';
import { AudienceField, type Audience } from './AudienceField';
import { OrgPicker } from '../../../components/OrgPicker/OrgPicker';
import { useAction } from '../../../hooks/useAction';
import { useRemote } from '../../../hooks/useRemote';
import { orgScopesOf, useSession } from '../../../stores/session';
import { formatDate, todayIso } from '../../../utils/format';
import { ROUTES } from '../../../utils/nav';
import { isCancel, SHOWN, validateNotice } from './validateNotice';
import './index.scss';

interface Cover {
  fileId: string;
  preview: string;
}

/**
 * Publishing or editing a notice: errors show under their field (else in one dialog) and go once it is edited.
 * Test ids: `notices-form`, `notices-title` (`… input`), `notices-date`, `notices-org`, `notices-body` (`… textarea`),
 * `notices-cover-upload`, `notices-cover-preview`, `notices-save`.
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
  const [audience, setAudience] = useState<Audience>(initial?.audience ?? 'all');
  const act = useAction();
  const upload = useAction();
  const errors = act.fieldErrors;
  /** Changing a field takes its message away. */
  const edit =
    (key: string, set: (value: string) => void) =>
    (value: string): void => {
      set(value);
      act.clearField(key);
    };

  // A staffer of one union publishes for it unless they pick another in their subtree.
  const onlyScope = within?.length === 1 ? tree.data?.orgs.find((o) => o._id === within[0]) : undefined;
  const org = picked ?? (onlyScope ? { id: onlyScope._id, name: onlyScope.name } : null);

  const chooseCover = () =>
    upload.run(
      async () => {
        // Closing the album is not an error.
        const options = { count: 1, sizeType: ['compressed' as const], sourceType: ['album' as const, 'camera' as const] };
        const chosen = await Taro.chooseImage(options).catch((e: unknown) => {
          if (isCancel(e)) return null;
          throw e;
        });
        const path = chosen?.tempFilePaths[0];
        if (!path || !session) return;
        setCover({ fileId: await uploadImage(path, session.openid), preview: path });
        act.clearField('coverFileId');
      },
      { failTitle: '封面未能上传' },
    );

  const save = () => {
    const fields = { title, date, body, orgId: org?.id ?? '' };
    const found = Object.entries(validateNotice(fields)).filter((e): e is [string, string] => !!e[1]);
    act.setFieldErrors(Object.fromEntries(found));
    if (found.length) return;
    const input = {
      ...(initial ? { noticeId: initial._id } : {}),
      title: title.trim(),
      date,
      body: body.trim(),
      orgId: fields.orgId,
      audience,
      ...(cover ? { coverFileId: cover.fileId } : {}),
    };
    void act.run(() => call('notices.save', input), {
      success: initial ? '已保存' : '已发布',
      failTitle: initial ? '未能保存' : '未能发布',
      fieldKey: (f) => (SHOWN.has(f) ? f : undefined),
      onDone: () => {
        if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
        else void Taro.redirectTo({ url: ROUTES.noticeManage });
      },
    });
  };

  return (
    <View className='section notice-form' data-testid='notices-form'>
      <Field
        label='标题'
        name='notice-title-input'
        testId='notices-title'
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
          <View className='field-control field-picker notice-date' data-testid='notices-date'>
            <Text className='field-picker-value'>{formatDate(date)}</Text>
            <Text className='field-picker-arrow'>›</Text>
          </View>
        </Picker>
      </FieldFrame>
      <PickerField
        label='发布单位'
        name='notice-org'
        testId='notices-org'
        value={org?.name ?? ''}
        placeholder='请选择工会'
        error={errors.orgId}
        onOpen={() => setPicking(true)}
      />
      <AudienceField value={audience} onChange={setAudience} />
      <Field
        label='正文'
        name='notice-body-input'
        testId='notices-body'
        multiline
        value={body}
        maxlength={4000}
        placeholder='至少10个字；空一行即分段'
        error={errors.body}
        onInput={edit('body', setBody)}
      />
      <FieldFrame label='封面图片（可选）' error={errors.coverFileId}>
        {cover?.preview && (
          <Image className='notice-cover-preview' data-testid='notices-cover-preview' src={cover.preview} mode='aspectFill' />
        )}
        <View className='notice-cover-actions'>
          <Button
            small
            kind='plain'
            className='notice-cover-upload'
            testId='notices-cover-upload'
            loading={upload.busy}
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
      <Button
        block
        className='notice-save'
        testId='notices-save'
        loading={act.busy}
        loadingText='保存中…'
        disabled={upload.busy}
        onClick={save}
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
            act.clearField('orgId');
            setPicking(false);
          }}
        />
      )}
    </View>
  );
}
