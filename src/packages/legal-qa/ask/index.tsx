import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { DisputeType } from '@rules/legalQa';
import { call } from '../../../api/client';
import { Button } from '../../../components/Button';
import { Checkbox } from '../../../components/Checkbox';
import { Field, FieldFrame } from '../../../components/Field';
import { PageShell } from '../../../components/PageShell';
import { StateView } from '../../../components/StateView';
import { useAction } from '../../../hooks/useAction';
import { useRemote } from '../../../hooks/useRemote';
import { useSession } from '../../../stores/session';
import { ROUTES, replaceWith } from '../../../utils/nav';
import { askToSubscribe } from '../../../utils/subscribe';
import { Choices } from '../../../components/Choices';
import { PhotoPicker, type Photo } from '../../../components/PhotoPicker';
import { withQuery } from '../query';
import './index.scss';
import { newRequestId } from '../../../utils/requestId';

/**
 * 我要咨询: type of dispute, what happened, the employer, evidence photos (private), anonymous to the employer, the
 * station (the member's district's preselected) and the promised first answer. Test ids: `legal-qa-type-<key>`,
 * `legal-qa-story`, `legal-qa-employer`, `legal-qa-photo-add`, `legal-qa-anonymous`, `legal-qa-station-<id>`,
 * `legal-qa-submit`.
 */
export default function AskQuestion() {
  const { session } = useSession();
  const form = useRemote(() => call('legalQa.form', {}));
  const act = useAction();
  const [requestId] = useState(newRequestId); // one per opened form: a double tap sends the same
  const [type, setType] = useState<DisputeType | null>(null);
  const [story, setStory] = useState('');
  const [employer, setEmployer] = useState('');
  const [photos, setPhotos] = useState<Photo[]>([]);
  const [anonymous, setAnonymous] = useState(false);
  const [station, setStation] = useState<string | null>(null);
  const f = form.data;
  const chosenStation = station ?? f?.defaultStationId ?? '';
  const edit =
    <T,>(key: string, set: (v: T) => void) =>
    (v: T) => {
      set(v);
      act.clearField(key);
    };

  const submit = () =>
    act.run(
      async () => {
        await askToSubscribe('legalQaAsk'); // in the tap: WeChat asks only in answer to one
        return call('legalQa.ask', {
          requestId,
          // None chosen: the function answers 请选择纠纷类型 under the field.
          type: type as DisputeType,
          story: story.trim(),
          employer: employer.trim(),
          evidence: photos.map((p) => p.fileId),
          anonymous,
          ...(chosenStation ? { stationId: chosenStation } : {}),
        });
      },
      {
        failTitle: '咨询未能提交',
        success: '已提交',
        fieldKey: (k) => (['type', 'story', 'employer', 'evidence', 'stationId'].includes(k) ? k : undefined),
        onDone: (q) => replaceWith(withQuery(ROUTES.legalQaThread, { id: q.questionId })),
      },
    );

  return (
    <PageShell className='lq-ask' page='legalQaAsk'>
      <StateView remote={form}>
        {f && (
          <View>
            <View className='lq-card'>
              <Text className='lq-promise'>{f.promiseText}</Text>
              <FieldFrame label='纠纷类型' error={act.fieldErrors.type}>
                <Choices
                  options={f.types.map((t) => ({ key: t.value, label: t.label }))}
                  value={type}
                  testId='legal-qa-type'
                  onChange={edit('type', setType)}
                />
              </FieldFrame>
              <Field
                label='事情经过'
                name='lq-story'
                testId='legal-qa-story'
                multiline
                value={story}
                placeholder='何时入职、发生了什么、您希望怎么解决（至少10个字）'
                error={act.fieldErrors.story}
                onInput={edit('story', setStory)}
              />
              <Field
                label='用人单位名称'
                name='lq-employer'
                testId='legal-qa-employer'
                value={employer}
                placeholder='如：常州某某有限公司'
                error={act.fieldErrors.employer}
                onInput={edit('employer', setEmployer)}
              />
              <FieldFrame label='证据照片（工资条、考勤、聊天记录等，可不传）' error={act.fieldErrors.evidence}>
                <PhotoPicker
                  photos={photos}
                  openid={session?.openid ?? ''}
                  max={9}
                  testId='legal-qa-photo'
                  onChange={setPhotos}
                />
              </FieldFrame>
              <Checkbox checked={anonymous} testId='legal-qa-anonymous' onChange={setAnonymous}>
                对用人单位匿名：律师和工会联系单位时不透露我的身份
              </Checkbox>
            </View>
            <View className='lq-card'>
              <FieldFrame label='由哪个法律援助站答复' error={act.fieldErrors.stationId}>
                <Choices
                  options={f.stations.map((s) => ({ key: s.stationId, label: s.name }))}
                  value={chosenStation}
                  testId='legal-qa-station'
                  onChange={edit('stationId', setStation)}
                />
              </FieldFrame>
              <Text className='muted'>您的咨询内容和照片仅您本人、该援助站值班律师和审核的工会工作人员可见。</Text>
              <Button block testId='legal-qa-submit' loading={act.busy} loadingText='提交中…' onClick={submit}>
                提交咨询
              </Button>
            </View>
          </View>
        )}
      </StateView>
    </PageShell>
  );
}
