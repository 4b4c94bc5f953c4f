import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { call } from '../../../api/client';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { Field } from '../../../components/Field';
import { PageShell } from '../../../components/PageShell';
import { Row } from '../../../components/Row';
import { StateView } from '../../../components/StateView';
import { useAction } from '../../../hooks/useAction';
import { useRemote } from '../../../hooks/useRemote';
import { dial } from '../../legal-aid/phone';
import { Hotlines } from '../components/Hotlines';
import { dayText, STATUS_TAG } from '../format';
import '../counselling.scss';

type Asking = 'completed' | 'no_show' | 'cancel' | null;

/**
 * One session for its counsellor (opening it is written to the audit log): the pseudonym, the phone and the
 * time; from the start 已完成 / 未到场, before it 取消本次预约 with a reason; a note only when the member agreed.
 * Test ids `counselling-session`, `counselling-session-pseudonym`, `counselling-session-contact`,
 * `counselling-mark-completed`, `counselling-mark-no_show`, `counselling-room-cancel`, `counselling-note`,
 * `counselling-note-save`, `counselling-session-dialog`.
 */
export default function CounsellorSession() {
  const { params } = useRouter();
  const id = decodeURIComponent(params.id ?? '');
  const view = useRemote(() => call('counselling.session', { bookingId: id }));
  const act = useAction();
  const [asking, setAsking] = useState<Asking>(null);
  const [reason, setReason] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const s = view.data;

  const confirm = async () => {
    if (asking === 'cancel') {
      await act.run(() => call('counselling.roomCancel', { bookingId: id, reason: reason.trim() }), {
        success: '已取消，已通知来访者',
        failTitle: '取消未成功',
      });
    } else if (asking) {
      await act.run(() => call('counselling.mark', { bookingId: id, status: asking }), {
        success: '已登记',
        failTitle: '登记未成功',
      });
    }
    setAsking(null);
    view.reload();
  };
  const saveNote = () =>
    void act.run(() => call('counselling.note', { bookingId: id, note: (note ?? '').trim() }), {
      success: '记录已保存',
      failTitle: '记录未保存',
      onDone: () => view.reload(),
    });

  return (
    <PageShell className='cs-session' page='counsellingSession' testId='counselling-session'>
      <Hotlines />
      <StateView remote={view} loading={view.loading && !s}>
        {s && (
          <>
            <View className='cs-card'>
              <Text className='cs-title'>
                <Text data-testid='counselling-session-pseudonym'>{s.pseudonym}</Text>（化名）{' '}
                <Text className={`tag ${STATUS_TAG[s.status] ?? ''}`}>{s.statusText}</Text>
              </Text>
              <Row label='时间'>{`${dayText(s.date)} ${s.start}–${s.end}`}</Row>
              <Row label='联系电话' valueTestId='counselling-session-contact'>
                {s.contact}
              </Row>
              <Row label='咨询室'>{s.roomName}</Row>
              <View className='cs-row-btns'>
                <Button small kind='quiet' onClick={() => dial(s.contact)}>
                  拨打
                </Button>
                {s.canMark && (
                  <>
                    <Button small testId='counselling-mark-completed' onClick={() => setAsking('completed')}>
                      已完成
                    </Button>
                    <Button small kind='plain' testId='counselling-mark-no_show' onClick={() => setAsking('no_show')}>
                      未到场
                    </Button>
                  </>
                )}
                {s.canCancel && (
                  <Button small kind='plain' testId='counselling-room-cancel' onClick={() => setAsking('cancel')}>
                    取消本次预约
                  </Button>
                )}
              </View>
              {!s.canMark && s.status === 'confirmed' && <Text className='muted'>咨询开始后可登记完成或未到场。</Text>}
            </View>
            <View className='cs-card'>
              <Text className='cs-title'>咨询记录</Text>
              {s.noteConsent ? (
                <>
                  <Field
                    label='记录（仅您可见）'
                    name='counselling-note'
                    testId='counselling-note'
                    multiline
                    value={note ?? s.note ?? ''}
                    maxlength={2000}
                    placeholder='来访者同意保留记录；请只记录后续咨询需要的内容'
                    error={act.fieldErrors.note}
                    onInput={setNote}
                  />
                  <Button small testId='counselling-note-save' loading={act.busy} onClick={saveNote}>
                    保存记录
                  </Button>
                </>
              ) : (
                <Text className='muted'>来访者未同意保留记录，本次咨询不留存任何记录。</Text>
              )}
            </View>
          </>
        )}
      </StateView>
      <ConfirmDialog
        visible={asking !== null}
        title={asking === 'cancel' ? '取消本次预约？' : asking === 'completed' ? '登记为已完成？' : '登记为未到场？'}
        testId='counselling-session-dialog'
        busy={act.busy}
        onConfirm={() => void confirm()}
        onCancel={() => setAsking(null)}
      >
        {asking === 'cancel' ? (
          <Field
            label='取消原因（将告知来访者）'
            name='counselling-cancel-reason'
            testId='counselling-cancel-reason'
            value={reason}
            maxlength={60}
            placeholder='如：咨询师临时外出培训'
            error={act.fieldErrors.reason}
            onInput={setReason}
          />
        ) : (
          <Text>登记后不能更改。</Text>
        )}
      </ConfirmDialog>
    </PageShell>
  );
}
