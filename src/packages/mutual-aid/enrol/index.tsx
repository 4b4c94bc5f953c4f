import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { call } from '../../../api/client';
import { uploadDocument } from '../../../api/upload';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { Field } from '../../../components/Field';
import { PageShell } from '../../../components/PageShell';
import { PagedList } from '../../../components/PagedList';
import { Row } from '../../../components/Row';
import { useAction } from '../../../hooks/useAction';
import { usePagedRemote } from '../../../hooks/usePagedRemote';
import { useSession } from '../../../stores/session';
import { formatDate } from '../../../utils/format';
import { pickSheet } from '../../../utils/pickSheet';
import './index.scss';

interface Preview {
  rows: number;
  valid: number;
  errors: Array<{ row: number; field: string; message: string }>;
  sample: Array<{ row: number; cardNo: string; name: string; orgName: string; already: boolean }>;
  enrolled?: number;
}

/**
 * 会员参保 by the unit's union: card numbers typed or pasted (one per line), or an Excel/CSV list (会员卡号, 姓名)
 * checked row by row before anything is stored; then the members enrolled in the caller's unions (names masked).
 * Test ids: `ma-cards`, `ma-enrol`, `ma-enrol-result`, `ma-import`, `ma-import-error`, `ma-import-commit`, `ma-enrolled`.
 */
export default function Enrol() {
  const { params } = useRouter();
  const planId = String(params.planId ?? '');
  const { session } = useSession();
  const act = useAction();
  const [cards, setCards] = useState('');
  const [result, setResult] = useState('');
  const [file, setFile] = useState<string | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [confirming, setConfirming] = useState(false);
  const list = usePagedRemote((page) => call('mutualAid.enrolments', { planId, page }), { deps: [planId] });

  const enrol = () => {
    const cardNos = [...new Set(cards.split(/[\s,，;；]+/).filter(Boolean))];
    if (!cardNos.length) return act.setFieldErrors({ cardNos: '请填写会员卡号，每行一个' });
    return act.run(() => call('mutualAid.enrol', { planId, cardNos }), {
      failTitle: '未能参保',
      fieldKey: (f) => (f === 'cardNos' ? f : undefined),
      onDone: (r) => {
        const problems = r.problems.map((p) => `${p.cardNo}：${p.message}`).join('；');
        setResult(`新参保 ${r.enrolled} 人，已参保 ${r.already} 人${problems ? `；未参保：${problems}` : ''}`);
        list.reload();
      },
    });
  };

  const pick = async () => {
    const openid = session?.openid;
    if (act.busy || !openid) return;
    const chosen = await pickSheet();
    if (!chosen) return;
    setPreview(null);
    await act.run(
      async () => {
        const fileId = await uploadDocument(chosen.file, chosen.name, openid);
        setFile(fileId);
        return call('mutualAid.importEnrolments', { planId, fileId, commit: false });
      },
      { failTitle: '未能检查文件', onDone: setPreview },
    );
  };

  const commit = () =>
    file &&
    act.run(() => call('mutualAid.importEnrolments', { planId, fileId: file, commit: true }), {
      failTitle: '未能导入',
      onDone: (p) => {
        setConfirming(false);
        setPreview(p);
        setResult(`已导入：新参保 ${p.enrolled ?? 0} 人`);
        list.reload();
      },
      onFail: () => setConfirming(false),
    });

  return (
    <PageShell className='ma-enrol' page='mutualAidEnrol'>
      <View className='ma-card'>
        <Field
          label='会员卡号（每行一个）'
          name='ma-cards'
          testId='ma-cards'
          multiline
          value={cards}
          placeholder='如：CZ2024000001'
          {...act.field('cardNos', setCards)}
        />
        <Button block testId='ma-enrol' loading={act.busy} onClick={enrol}>
          为这些会员参保
        </Button>
        {result && (
          <Text className='muted' data-testid='ma-enrol-result'>
            {result}
          </Text>
        )}
      </View>
      <View className='ma-card'>
        <Text className='ma-title'>从 Excel 导入</Text>
        <Text className='muted'>第一行为列名「会员卡号」「姓名」。先逐行检查，全部无误后才会导入。</Text>
        <Button kind='plain' testId='ma-import' loading={act.busy} onClick={() => void pick()}>
          选择文件
        </Button>
        {preview && (
          <View>
            <Text className='muted'>
              共 {preview.rows} 行，可参保 {preview.valid} 人
            </Text>
            {preview.errors.map((e) => (
              <Text key={`${e.row}-${e.field}`} className='ma-error' data-testid='ma-import-error'>
                第{e.row}行「{e.field}」：{e.message}
              </Text>
            ))}
            {preview.errors.length === 0 && preview.enrolled === undefined && (
              <Button block testId='ma-import-commit' onClick={() => setConfirming(true)}>
                确认导入 {preview.valid} 人
              </Button>
            )}
          </View>
        )}
      </View>
      <PagedList list={list} emptyText='本方案还没有您管辖工会的会员参保'>
        {(e) => (
          <View key={e.enrolmentId} className='ma-card' data-testid='ma-enrolled'>
            <Row label={`${e.name} · ${e.cardNo}`}>{e.orgName}</Row>
            <Row label='参保日期'>{formatDate(e.enrolledAt)}</Row>
          </View>
        )}
      </PagedList>
      <ConfirmDialog
        visible={confirming}
        title='确认导入'
        busy={act.busy}
        testId='ma-import-confirm'
        onConfirm={() => void commit()}
        onCancel={() => setConfirming(false)}
      >
        确认为文件中的 {preview?.valid ?? 0} 名会员参保吗？
      </ConfirmDialog>
    </PageShell>
  );
}
