import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { BookingDetail } from '../types';

type Evidence = BookingDetail['evidence'];

/** Opens a PDF: weapp downloads it (short-lived link) and shows it; H5 opens the link. */
function openPdf(url: string): void {
  if (process.env.TARO_ENV === 'h5') {
    window.open(url, '_blank');
    return;
  }
  void Taro.downloadFile({ url })
    .then((res) => Taro.openDocument({ filePath: res.tempFilePath, fileType: 'pdf' }))
    .catch(() => {
      void Taro.showToast({ title: '文件打开失败，请返回后重新进入', icon: 'none' });
    });
}

/** Evidence shown through the short-lived links the server handed out (they expire in minutes). */
export function EvidenceList({ files }: { files: Evidence }) {
  if (!files.length) return <Text className='muted'>未上传材料</Text>;
  const images = files.filter((f) => f.kind === 'image').map((f) => f.url);
  return (
    <View className='la-evidence'>
      {files.map((f) => (
        <View
          key={f.url}
          className='la-evidence-item la-evidence-view'
          data-testid='legal-aid-evidence-view'
          onClick={() => (f.kind === 'pdf' ? openPdf(f.url) : void Taro.previewImage({ urls: images, current: f.url }))}
        >
          {f.kind === 'image' ? (
            <Image className='la-evidence-thumb' src={f.url} mode='aspectFill' />
          ) : (
            <Text className='la-evidence-pdf'>PDF</Text>
          )}
        </View>
      ))}
    </View>
  );
}
