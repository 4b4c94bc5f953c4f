import { Text, View } from '@tarojs/components';
import { Button } from '../../../components/Button';
import type { Preview } from './useImport';

/** The import's preview: rows, errors row by row, a sample, and 导入 only when there is no error. */
export function ImportPreview(props: { fileName: string; preview: Preview; busy: boolean; onCommit: () => void }) {
  const { fileName, preview, busy, onCommit } = props;
  const errors = preview.errors;
  return (
    <View className='section org-import-preview' data-testid='org-import-preview'>
      <Text className='section-title'>导入预览（{fileName}）</Text>
      <Text className='org-import-summary'>
        共 {preview.rows} 行，可导入 {preview.valid} 行{errors.length ? `，${errors.length} 处错误` : ''}
      </Text>
      {errors.map((e, i) => (
        <View key={`${e.row}-${i}`} className='org-import-error' data-testid='org-import-error'>
          <Text className='org-import-where'>
            第{e.row}行 · {e.field}
          </Text>
          <Text>{e.message}</Text>
        </View>
      ))}
      {preview.sample.map((s) => (
        <Text key={s.row} className='org-import-sample'>
          {s.name} · {s.kind} · 上级：{s.parent || '（根工会）'}
        </Text>
      ))}
      <Button block testId='org-import-commit' disabled={errors.length > 0 || busy} onClick={onCommit}>
        {errors.length ? '请修改文件后重新选择' : `导入 ${preview.valid} 个工会`}
      </Button>
    </View>
  );
}
