import { Input, Text, View } from '@tarojs/components';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import type { CaseDesk, Pending } from './useCaseDesk';

const TITLES: Record<Exclude<Pending, null>, string> = {
  complete: '完成咨询',
  arrived: '登记到场',
  cancel: '取消预约',
  no_show: '登记未到场',
};

/** The confirmation of a desk step, naming the person; cancelling asks for the reason the member is told. */
export function DeskDialog({ desk, name }: { desk: CaseDesk; name: string }) {
  const { pending, act } = desk;
  return (
    <ConfirmDialog
      visible={pending !== null}
      title={pending ? TITLES[pending] : ''}
      busy={act.busy}
      className='la-case-dialog'
      testId='legal-aid-case-dialog'
      onConfirm={() => void desk.confirm()}
      onCancel={desk.dismiss}
    >
      {pending === 'cancel' ? (
        <View>
          <Text>{`取消 ${name} 的预约？名额将释放，当事人会收到通知并可重新预约。`}</Text>
          <Input
            className='la-input la-cancel-reason'
            data-testid='legal-aid-cancel-reason'
            value={desk.cancelReason}
            maxlength={60}
            placeholder='取消原因，如：值班律师临时外出'
            onInput={(e) => desk.setCancelReason(e.detail.value)}
          />
          {act.fieldErrors.reason && <Text className='la-error'>{act.fieldErrors.reason}</Text>}
        </View>
      ) : pending === 'complete' ? (
        `确认完成 ${name} 的咨询？处理结果将通知当事人，提交后不能修改。`
      ) : pending === 'arrived' ? (
        `确认 ${name} 已到场？`
      ) : (
        `确认 ${name} 未到场？名额将释放，当事人会收到通知。`
      )}
    </ConfirmDialog>
  );
}
