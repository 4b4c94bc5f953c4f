import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { OutputOf } from '../../../api/types';
import { call } from '../../../api/client';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { Field } from '../../../components/Field';
import { useAction } from '../../../hooks/useAction';
import { CloseDialog } from './CloseDialog';

type Detail = OutputOf<'voice.get'>;
type Dialog = 'decline' | 'forward' | 'close' | null;

/**
 * The union's steps on one report: 受理 / 不予受理, 转交单位 (the text the employer receives is shown in the
 * confirmation before it is sent), 答复, 办结 (采纳 or not for a suggestion) and 优秀合理化建议. Test ids
 * `voice-accept`, `voice-decline`, `voice-forward`, `voice-forward-to`, `voice-forward-preview`, `voice-forward-confirm`,
 * `voice-reply-text`, `voice-reply`, `voice-close`, `voice-recognise` (办结's dialog is CloseDialog).
 */
export function StaffSteps({ report, onDone }: { report: Detail; onDone: () => void }) {
  const act = useAction();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [reason, setReason] = useState('');
  const [to, setTo] = useState('');
  const [note, setNote] = useState('');
  const [reply, setReply] = useState('');
  const [recognition, setRecognition] = useState('');
  const id = report.reportId;
  const done = () => {
    setDialog(null);
    onDone();
  };
  const s = report.status;
  const working = s === 'accepted' || s === 'forwarded' || s === 'replied';

  return (
    <View className='vc-card'>
      <Text className='vc-title'>办理</Text>
      {s === 'submitted' && (
        <View className='vc-actions'>
          <Button
            testId='voice-accept'
            loading={act.busy}
            onClick={() => act.run(() => call('voice.accept', { reportId: id }), { success: '已受理', onDone: done })}
          >
            受理
          </Button>
          <Button kind='plain' testId='voice-decline' onClick={() => setDialog('decline')}>
            不予受理
          </Button>
        </View>
      )}
      {working && (
        <View>
          <Field
            label='转交对象（单位部门或负责人）'
            name='vc-to'
            testId='voice-forward-to'
            value={to}
            placeholder='如：安全环保部'
            error={act.fieldErrors.to}
            onInput={setTo}
          />
          <Field
            label='工会附言（可不填）'
            name='vc-note'
            testId='voice-forward-note'
            value={note}
            placeholder='如：请三日内整改并回复'
            error={act.fieldErrors.note}
            onInput={setNote}
          />
          <Button kind='plain' testId='voice-forward' onClick={() => setDialog('forward')}>
            转交单位
          </Button>
          <Field
            label='答复职工'
            name='vc-reply'
            testId='voice-reply-text'
            multiline
            value={reply}
            placeholder='办理情况、整改结果'
            error={act.fieldErrors.text}
            onInput={setReply}
          />
          <Button
            testId='voice-reply'
            loading={act.busy}
            onClick={() =>
              act.run(() => call('voice.reply', { reportId: id, text: reply.trim() }), {
                success: '已答复',
                fieldKey: (f) => (f === 'text' ? 'text' : undefined),
                onDone: () => {
                  setReply('');
                  onDone();
                },
              })
            }
          >
            答复
          </Button>
          <Button kind='quiet' testId='voice-close' onClick={() => setDialog('close')}>
            办结
          </Button>
        </View>
      )}
      {s === 'closed' && report.kind === 'suggestion' && report.adopted && !report.recognised && (
        <View>
          <Field
            label='表彰说明'
            name='vc-recognise'
            testId='voice-recognise-note'
            value={recognition}
            placeholder='如：2026年度优秀合理化建议'
            error={act.fieldErrors.note}
            onInput={setRecognition}
          />
          <Button
            testId='voice-recognise'
            loading={act.busy}
            onClick={() =>
              act.run(() => call('voice.recognise', { reportId: id, note: recognition.trim() }), {
                success: '已评为优秀',
                onDone,
              })
            }
          >
            评为优秀合理化建议
          </Button>
        </View>
      )}

      <ConfirmDialog
        visible={dialog === 'decline'}
        title='不予受理'
        confirmText='确认不予受理'
        busy={act.busy}
        testId='voice-decline-confirm'
        onConfirm={() =>
          void act.run(() => call('voice.decline', { reportId: id, reason: reason.trim() }), { success: '已处理', onDone: done })
        }
        onCancel={() => setDialog(null)}
      >
        <Field label='原因（职工会看到）' name='vc-reason' testId='voice-decline-reason' value={reason} onInput={setReason} />
      </ConfirmDialog>
      <ConfirmDialog
        visible={dialog === 'forward'}
        title={`转交「${to.trim() || '（请先填写转交对象）'}」`}
        confirmText='确认转交'
        busy={act.busy}
        testId='voice-forward-confirm'
        onConfirm={() =>
          void act.run(() => call('voice.forward', { reportId: id, to: to.trim(), note: note.trim() }), {
            success: '已转交',
            onDone: done,
            onFail: () => setDialog(null),
          })
        }
        onCancel={() => setDialog(null)}
      >
        <Text className='muted'>单位将收到以下内容{report.anonymous ? '（职工选择匿名，不含姓名）' : ''}：</Text>
        <Text className='vc-forward' data-testid='voice-forward-preview'>
          {report.forwardPreview}
          {note.trim() ? `（工会附言：${note.trim()}）` : ''}
        </Text>
      </ConfirmDialog>
      <CloseDialog
        visible={dialog === 'close'}
        suggestion={report.kind === 'suggestion'}
        busy={act.busy}
        onConfirm={(closeNote, adopted) =>
          void act.run(
            () =>
              call('voice.close', {
                reportId: id,
                note: closeNote.trim(),
                ...(report.kind === 'suggestion' && adopted ? { adopted: adopted === 'yes' } : {}),
              }),
            { success: '已办结', onDone: done, onFail: () => setDialog(null) },
          )
        }
        onCancel={() => setDialog(null)}
      />
    </View>
  );
}
