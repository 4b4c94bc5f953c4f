import { Image, Text, View } from '@tarojs/components';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import type { RegistrationDetail } from '../types';

/** One registration opened by staff: the declaration and the certificate photo of the entrant and of each teammate. */
export function RegistrationDetailDialog({ detail, onClose }: { detail: RegistrationDetail | null; onClose: () => void }) {
  return (
    <ConfirmDialog
      visible={!!detail}
      title={detail ? `${detail.name}的报名信息` : ''}
      hideCancel
      confirmText='关闭'
      className='competitions-detail-dialog'
      onConfirm={onClose}
    >
      {detail && (
        <View className='competitions-reg-detail'>
          <Text className='competitions-line'>
            {detail.orgName} · 本工种 {detail.declaration?.tradeYears ?? '—'} 年 · {detail.declaration?.certLabel ?? '—'}
          </Text>
          {detail.certPhotoUrl ? (
            <Image className='competitions-cert-image' src={detail.certPhotoUrl} mode='aspectFit' />
          ) : (
            <Text className='competitions-line muted'>未上传证书照片</Text>
          )}
          {detail.teammates.map((m) => (
            <Text key={m.name} className='competitions-line'>
              队员 {m.name}：本工种 {m.declaration?.tradeYears ?? '—'} 年 · {m.declaration?.certLabel ?? '—'}
              {m.certPhotoUrl ? '（证书已上传）' : ''}
            </Text>
          ))}
        </View>
      )}
    </ConfirmDialog>
  );
}
