import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { call } from '../../../api/client';
import type { OutputOf } from '../../../api/types';
import { Button } from '../../../components/Button';
import { Field } from '../../../components/Field';
import { useAction } from '../../../hooks/useAction';
import { orgScopesOf, useSession } from '../../../stores/session';
import { ROUTES, go } from '../../../utils/nav';
import { Choices } from '../../../components/Choices';

type FileView = OutputOf<'hardship.files'>['items'][number];

/**
 * 发布困难职工公示 (staff of a district-level union): the families 认定 and not yet in a 公示, the help planned, a
 * title; the days come from the standard. Published, the 公示 opens. Test ids: `hardship-publish-open`,
 * `hardship-publish-file-<fileId>`, `hardship-publish-title`, `hardship-publish-help`, `hardship-publish-save`.
 */
export function PublishForm({ files, onDone }: { files: FileView[]; onDone: () => void }) {
  const { session } = useSession();
  const act = useAction();
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<string[]>([]);
  const [title, setTitle] = useState('困难职工认定公示');
  const [helpPlanned, setHelpPlanned] = useState('');
  const waiting = files.filter((f) => f.status === 'active' && !f.publicityId);
  const orgId = orgScopesOf(session)?.[0];
  if (!waiting.length) return null;
  if (!open)
    return (
      <View className='hs-card'>
        <Text className='muted'>有 {waiting.length} 户新认定的家庭尚未公示，公示结束后才能登记资金救助。</Text>
        <Button block kind='plain' testId='hardship-publish-open' onClick={() => setOpen(true)}>
          发布困难职工公示
        </Button>
      </View>
    );
  const publish = () => {
    if (!orgId) return act.setFieldErrors({ entries: '请以区（县）总工会工作人员身份发布公示' });
    if (!chosen.length) return act.setFieldErrors({ entries: '请选择要公示的家庭' });
    void act.run(
      () =>
        call('hardship.publish', {
          orgId,
          title: title.trim(),
          entries: chosen.map((fileId) => ({ fileId, helpPlanned: helpPlanned.trim() })),
        }),
      {
        success: '已发布公示',
        failTitle: '未能发布',
        fieldKey: (f) => (f.startsWith('entries') ? 'helpPlanned' : f),
        onDone: (p) => {
          setOpen(false);
          setChosen([]);
          onDone();
          go(`${ROUTES.hardshipPublicity}?id=${encodeURIComponent(p.publicityId)}`);
        },
      },
    );
  };
  return (
    <View className='hs-card'>
      <Text className='hs-title'>发布困难职工公示</Text>
      <Text className='muted'>公示时只显示隐去的姓名、所在工会、困难类别和拟帮扶内容。</Text>
      <Choices
        options={waiting.map((f) => ({ key: f.fileId, label: `${f.name}（${f.levelText}）` }))}
        value={chosen}
        multiple
        testId='hardship-publish-file'
        onChange={(v) => {
          setChosen(v);
          act.clearField('entries');
        }}
      />
      {act.fieldErrors.entries && <Text className='field-error'>{act.fieldErrors.entries}</Text>}
      <Field label='公示标题' name='hs-input' testId='hardship-publish-title' value={title} {...act.field('title', setTitle)} />
      <Field
        label='拟帮扶内容'
        name='hs-input'
        testId='hardship-publish-help'
        value={helpPlanned}
        placeholder='如：资金救助 2000元'
        {...act.field('helpPlanned', setHelpPlanned)}
      />
      <Button block testId='hardship-publish-save' loading={act.busy} onClick={publish}>
        发布公示
      </Button>
    </View>
  );
}
