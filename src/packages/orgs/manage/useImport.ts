import { useState } from 'react';
import { call } from '../../../api/client';
import type { OutputOf } from '../../../api/types';
import { uploadDocument } from '../../../api/upload';
import type { ActionState } from '../../../hooks/useAction';
import { pickSheet } from '../../../utils/pickSheet';
import { untilDone } from './kinds';

export type Preview = OutputOf<'org.importPreview'>;

/** Import from Excel: pick and upload the file, preview it row by row, then all rows or none. */
export function useImport(action: ActionState, openid: string | undefined, done: (message: string) => void) {
  const [file, setFile] = useState<{ fileId: string; name: string } | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);

  const pick = async () => {
    if (action.busy || !openid) return;
    const chosen = await pickSheet();
    if (!chosen) return;
    await action.run(
      async () => {
        const fileId = await uploadDocument(chosen.file, chosen.name, openid);
        setFile({ fileId, name: chosen.name });
        return call('org.importPreview', { fileId });
      },
      { onDone: setPreview, onFail: () => setPreview(null) },
    );
  };

  const commit = () => {
    if (!file || !preview || preview.errors.length) return;
    void action.run(() => untilDone(() => call('org.importCommit', { fileId: file.fileId })), {
      onDone: (r) => {
        setPreview(null);
        setFile(null);
        done(
          r.done
            ? `已导入 ${r.imported} 个工会${r.unchanged ? `，${r.unchanged} 个此前已导入` : ''}`
            : '导入尚未完成，请重新导入同一文件以继续',
        );
      },
      // The file changed since the preview (or the tree did): check it again.
      onFail: () => void call('org.importPreview', { fileId: file.fileId }).then(setPreview),
    });
  };

  return { file, preview, pick, commit };
}
