import { Image, Text, View } from '@tarojs/components';
import { PHOTOS_MAX } from '@rules/matchmaking';
import { useImageUpload } from '../../../hooks/useImageUpload';

export interface Photo {
  id: string;
  url: string;
}

/** Up to 6 photos: add (uploaded into the member's own folder), remove. Test ids `matchmaking-photo`, `matchmaking-photo-add`. */
export function Photos({ photos, openid, onChange }: { photos: Photo[]; openid: string; onChange: (p: Photo[]) => void }) {
  const { uploading, pick } = useImageUpload(openid);
  const add = () => pick((id, path) => onChange([...photos, { id, url: path }]));
  return (
    <View className='mm-photos'>
      {photos.map((p) => (
        <View key={p.id} className='mm-photo' data-testid='matchmaking-photo'>
          {p.url ? <Image className='mm-photo-img' src={p.url} mode='aspectFill' /> : <View className='mm-photo-img' />}
          <View className='mm-photo-remove' onClick={() => onChange(photos.filter((x) => x.id !== p.id))}>
            ×
          </View>
        </View>
      ))}
      {photos.length < PHOTOS_MAX && (
        <View className='mm-photo mm-photo-add' data-testid='matchmaking-photo-add' onClick={() => void add()}>
          <Text>{uploading ? '上传中…' : '+ 添加照片'}</Text>
        </View>
      )}
    </View>
  );
}
