import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { URGENCY_LABELS, type Urgency } from '@rules/voice';
import { call } from '../../../api/client';
import { Button } from '../../../components/Button';
import { Checkbox } from '../../../components/Checkbox';
import { Field, FieldFrame } from '../../../components/Field';
import { PageShell } from '../../../components/PageShell';
import { useAction } from '../../../hooks/useAction';
import { useSession } from '../../../stores/session';
import { ROUTES, replaceWith } from '../../../utils/nav';
import { askToSubscribe } from '../../../utils/subscribe';
import { Choices, labelled } from '../../../components/Choices';
import { PhotoPicker, type Photo } from '../../../components/PhotoPicker';
import './index.scss';
import { newRequestId } from '../../../utils/requestId';

/** One key per form: a double tap, or a retry after a lost answer, stores one report. */

/**
 * 隐患随手拍 (`?kind=hazard`: photos, place, what is wrong, urgency) or 合理化建议 (`?kind=suggestion`: title,
 * problem, proposal, expected benefit), named or anonymous to the employer. Test ids: `voice-description`,
 * `voice-place`, `voice-map`, `voice-urgency-<key>`, `voice-photo-add`, `voice-title`, `voice-problem`,
 * `voice-proposal`, `voice-benefit`, `voice-anonymous`, `voice-submit`.
 */
export default function ReportVoice() {
  const { params } = useRouter();
  const kind = params.kind === 'suggestion' ? 'suggestion' : 'hazard';
  const { session } = useSession();
  const act = useAction();
  const [requestId] = useState(newRequestId);
  const [description, setDescription] = useState('');
  const [place, setPlace] = useState('');
  const [point, setPoint] = useState<{ latitude: number; longitude: number } | undefined>();
  const [urgency, setUrgency] = useState<Urgency | undefined>();
  const [photos, setPhotos] = useState<Photo[]>([]);
  const [title, setTitle] = useState('');
  const [problem, setProblem] = useState('');
  const [proposal, setProposal] = useState('');
  const [benefit, setBenefit] = useState('');
  const [anonymous, setAnonymous] = useState(true);
  const edit = (key: string, set: (v: string) => void) => (v: string) => {
    set(v);
    act.clearField(key);
  };

  const pickOnMap = async () => {
    const chosen = await Taro.chooseLocation({}).catch(() => null);
    if (!chosen) return; // cancelled or not allowed
    setPoint({ latitude: chosen.latitude, longitude: chosen.longitude });
    if (!place.trim()) setPlace(chosen.name || chosen.address);
    act.clearField('place');
  };

  const submit = () =>
    act.run(
      async () => {
        await askToSubscribe('voiceReport'); // in the tap: WeChat asks only in answer to one
        if (kind === 'hazard')
          return call('voice.reportHazard', {
            description: description.trim(),
            place: place.trim(),
            ...(point ? { point } : {}),
            urgency: urgency as Urgency,
            photos: photos.map((p) => p.fileId),
            anonymous,
            requestId,
          });
        return call('voice.suggest', {
          title: title.trim(),
          problem: problem.trim(),
          proposal: proposal.trim(),
          benefit: benefit.trim(),
          anonymous,
          requestId,
        });
      },
      {
        failTitle: '未能提交',
        success: '已提交',
        fieldKey: (f) =>
          ['description', 'place', 'urgency', 'photos', 'title', 'problem', 'proposal', 'benefit', 'anonymous'].includes(f)
            ? f
            : undefined,
        onDone: (r) => replaceWith(`${ROUTES.voiceDetail}?id=${encodeURIComponent(r.reportId)}`),
      },
    );

  return (
    <PageShell className='vc-report' page='voiceReport'>
      <View className='vc-card'>
        <Text className='vc-title'>{kind === 'hazard' ? '隐患随手拍' : '合理化建议'}</Text>
        <Text className='muted'>提交后由您所在单位的工会受理，处理进展会在「职工建言」和「我的申请」里告诉您。</Text>
      </View>
      {kind === 'hazard' ? (
        <View className='vc-card'>
          <FieldFrame label='现场照片' error={act.fieldErrors.photos}>
            <PhotoPicker
              sources={['camera', 'album']}
              photos={photos}
              openid={session?.openid ?? ''}
              max={9}
              testId='voice-photo'
              onChange={setPhotos}
            />
          </FieldFrame>
          <Field
            label='隐患地点'
            name='vc-place'
            testId='voice-place'
            value={place}
            placeholder='如：三号车间冲压线东侧消防通道'
            error={act.fieldErrors.place}
            onInput={edit('place', setPlace)}
          />
          {process.env.TARO_ENV === 'weapp' && (
            <Button kind='plain' small testId='voice-map' onClick={() => void pickOnMap()}>
              {point ? '已选地图位置，重新选择' : '在地图上选择位置'}
            </Button>
          )}
          <Field
            label='隐患情况'
            name='vc-description'
            testId='voice-description'
            multiline
            value={description}
            placeholder='哪里有什么问题，可能造成什么后果'
            error={act.fieldErrors.description}
            onInput={edit('description', setDescription)}
          />
          <FieldFrame label='紧急程度' error={act.fieldErrors.urgency}>
            <Choices
              options={labelled(URGENCY_LABELS)}
              value={urgency}
              testId='voice-urgency'
              onChange={(u) => {
                setUrgency(u);
                act.clearField('urgency');
              }}
            />
          </FieldFrame>
          <Text className='muted'>遇到正在发生的险情，请立即报告现场负责人或拨打 119 / 120。</Text>
        </View>
      ) : (
        <View className='vc-card'>
          <Field
            label='建议标题'
            name='vc-title'
            testId='voice-title'
            value={title}
            placeholder='一句话概括，如：冲压工序增加光电保护'
            error={act.fieldErrors.title}
            onInput={edit('title', setTitle)}
          />
          <Field
            label='存在问题'
            name='vc-problem'
            testId='voice-problem'
            multiline
            value={problem}
            placeholder='现在哪里做得不好（至少10个字）'
            error={act.fieldErrors.problem}
            onInput={edit('problem', setProblem)}
          />
          <Field
            label='建议内容'
            name='vc-proposal'
            testId='voice-proposal'
            multiline
            value={proposal}
            placeholder='您建议怎么改（至少10个字）'
            error={act.fieldErrors.proposal}
            onInput={edit('proposal', setProposal)}
          />
          <Field
            label='预期效益'
            name='vc-benefit'
            testId='voice-benefit'
            value={benefit}
            placeholder='如：减少工伤、节约成本、提高效率'
            error={act.fieldErrors.benefit}
            onInput={edit('benefit', setBenefit)}
          />
        </View>
      )}
      <View className='vc-card'>
        <Checkbox checked={anonymous} testId='voice-anonymous' onChange={setAnonymous}>
          向单位匿名（工会转交单位时不写您的姓名；受理的工会工作人员可以看到是谁提交的）
        </Checkbox>
        <Button block testId='voice-submit' loading={act.busy} loadingText='提交中…' onClick={submit}>
          提交
        </Button>
      </View>
    </PageShell>
  );
}
