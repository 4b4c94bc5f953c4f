import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { uploadImage } from '../api/upload';
import { useAction } from '../hooks/useAction';
import { Button } from './Button';
import './PhotoPicker.scss';

export interface Photo {
  fileId: string;
  preview: string;
}

export interface PhotoPickerProps {
  photos: Photo[];
  /** The member's openid: photos go to their own storage folder. */
  openid: string;
  max: number;
  testId: string;
  onChange: (photos: Photo[]) => void;
  /** Where WeChat offers to take them from, in order (a hazard report offers the camera first). */
  sources?: Array<'album' | 'camera'>;
}

/**
 * Photos of proof (bills, certificates, invoices, a hazard), uploaded as they are picked to the member's own
 * storage folder; only the member and the reviewing staff get (short-lived) links to them. Test ids
 * `<testId>-add`, `<testId>-item`.
 */
export function PhotoPicker({ photos, openid, max, testId, onChange, sources = ['album', 'camera'] }: PhotoPickerProps) {
  const act = useAction();
  const add = async () => {
    const picked = await Taro.chooseImage({ count: max - photos.length, sizeType: ['compressed'], sourceType: sources }).catch(
      () => null,
    );
    if (!picked) return; // cancelled
    let next = photos;
    for (const f of picked.tempFiles) {
      await act.run(() => uploadImage(f.path, openid), {
        failTitle: '照片未能上传',
        onDone: (fileId) => {
          next = [...next, { fileId, preview: f.path }];
          onChange(next);
        },
      });
    }
  };
  return (
    <View>
      <View className='photo-picker'>
        {photos.map((p) => (
          <Image key={p.fileId} className='photo-picker-item' src={p.preview} mode='aspectFill' data-testid={`${testId}-item`} />
        ))}
      </View>
      {photos.length < max && (
        <Button kind='plain' testId={`${testId}-add`} loading={act.busy} loadingText='上传中…' onClick={add}>
          ＋ 拍照或从相册选择
        </Button>
      )}
      {photos.length > 0 && (
        <Text className='muted'>
          已添加 {photos.length} 张，最多 {max} 张
        </Text>
      )}
    </View>
  );
}
