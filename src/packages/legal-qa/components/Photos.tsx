import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { uploadImage } from '../../../api/upload';
import { Button } from '../../../components/Button';
import { useAction } from '../../../hooks/useAction';

export interface Photo {
  fileId: string;
  preview: string;
}

/**
 * Evidence photos (wage slips, chats, attendance), uploaded as they are picked to the member's own storage folder; only
 * the member and the reviewing staff get links to them. Test ids `<testId>-add`, `<testId>-item`.
 */
export function Photos(props: { photos: Photo[]; openid: string; max: number; testId: string; onChange: (p: Photo[]) => void }) {
  const { photos, openid, max, testId, onChange } = props;
  const act = useAction();
  const add = async () => {
    const picked = await Taro.chooseImage({
      count: max - photos.length,
      sizeType: ['compressed'],
      sourceType: ['album', 'camera'],
    }).catch(() => null);
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
      <View className='lq-photos'>
        {photos.map((p) => (
          <Image key={p.fileId} className='lq-photo' src={p.preview} mode='aspectFill' data-testid={`${testId}-item`} />
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
