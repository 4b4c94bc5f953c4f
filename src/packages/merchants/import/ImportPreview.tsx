import { Text, View } from '@tarojs/components';
import type { OutputOf } from '../../../api/types';
import { Button } from '../../../components/Button';

export type Preview = OutputOf<'merchants.importPreview'>;
export type RowError = Preview['errors'][number];

interface ImportPreviewProps {
  preview: Preview;
  /** The rows' problems (from the preview, or from a refused import). */
  errors: RowError[];
  busy: boolean;
  onCommit: () => void;
}

/** The checked file: how many rows, every row's problem (where and what), a sample, and 导入 when all are valid. */
export function ImportPreview({ preview, errors, busy, onCommit }: ImportPreviewProps) {
  return (
    <View className='section import-preview'>
      <Text className='section-title'>预览</Text>
      <Text className='import-summary'>
        共 {preview.rows} 行，可导入 {preview.valid} 行{errors.length ? `，${errors.length} 处错误` : ''}
      </Text>
      {errors.length > 0 && (
        <View className='import-errors' data-testid='merchants-import-errors'>
          {errors.map((e, i) => (
            <View key={`${e.row}-${i}`} className='import-error'>
              <Text className='import-error-where' data-testid='merchants-import-error-where'>
                第{e.row}行 · {e.field}
              </Text>
              <Text className='import-error-what'>{e.message}</Text>
            </View>
          ))}
          <Text className='muted'>请修改文件后重新选择。</Text>
        </View>
      )}
      {preview.sample.map((s) => (
        <View key={s.row} className='m-item'>
          <View className='m-item-main'>
            <Text className='m-item-title'>{s.name}</Text>
            <Text className='muted'>
              {s.kind === 'station' ? '驿站' : '商户'} · {s.district} {s.offer && `· ${s.offer}`}
            </Text>
          </View>
        </View>
      ))}
      <Button
        block
        className='import-commit'
        testId='merchants-import-commit'
        disabled={errors.length > 0 || busy}
        onClick={onCommit}
      >
        {errors.length ? '请先修改错误' : `导入 ${preview.valid} 条`}
      </Button>
    </View>
  );
}
