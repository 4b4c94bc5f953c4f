import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { uploadImage } from '../../../api/upload';
import { Button } from '../../../components/Button';
import { useAction } from '../../../hooks/useAction';

export interface Proof {
  fileId: string;
  preview: string;
}

/**
 * One photo of proof (the admission letter, the tuition receipt), uploaded when picked to the member's own
 * storage folder; only the member and the reviewing staff get links to it. Test ids `<testId>-add`, `<testId>-item`.
 */
export function ProofPhoto(props: { value: Proof | null; openid: string; testId: string; onChange: (p: Proof) => void }) {
  const { value, openid, testId, onChange } = props;
  const act = useAction();
  const pick = async () => {
    const picked = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['album', 'camera'] }).catch(
      () => null,
    );
    const f = picked?.tempFiles[0];
    if (!f) return; // cancelled
    await act.run(() => uploadImage(f.path, openid), {
      failTitle: '照片未能上传',
      onDone: (fileId) => onChange({ fileId, preview: f.path }),
    });
  };
  return (
    <View>
      {value && <Image className='sa-photo' src={value.preview} mode='aspectFill' data-testid={`${testId}-item`} />}
      <Button kind='plain' testId={`${testId}-add`} loading={act.busy} loadingText='上传中…' onClick={pick}>
        {value ? '重新拍照或选择' : '＋ 拍照或从相册选择'}
      </Button>
      {!value && <Text className='muted'>请拍摄清晰、完整的照片</Text>}
    </View>
  );
}
