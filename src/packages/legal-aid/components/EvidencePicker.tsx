import { useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { MAX_EVIDENCE_BYTES, MAX_EVIDENCE_FILES } from '@rules/legalAid';
import { useAction } from '../../../hooks/useAction';
import type { EvidenceFile } from '../store';
import { uploadEvidence } from '../upload';

interface Picked {
  path: string;
  size: number;
  kind: 'image' | 'pdf';
}

async function pick(room: number): Promise<Picked[]> {
  let kind: 'image' | 'pdf' = 'image';
  if (process.env.TARO_ENV === 'weapp') {
    const sheet = await Taro.showActionSheet({ itemList: ['拍照或从相册选择', '从聊天记录选择PDF'] }).catch(() => null);
    if (!sheet) return [];
    kind = sheet.tapIndex === 1 ? 'pdf' : 'image';
  }
  if (kind === 'pdf') {
    const res = await Taro.chooseMessageFile({ count: room, type: 'file', extension: ['pdf'] });
    return res.tempFiles.map((f) => ({ path: f.path, size: f.size, kind: 'pdf' as const }));
  }
  const res = await Taro.chooseImage({ count: room, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
  return res.tempFiles.map((f) => ({ path: f.path, size: f.size, kind: 'image' as const }));
}

/**
 * Up to 9 photos or PDFs of evidence, uploaded as they are picked (each at most 10 MB). Test ids:
 * `legal-aid-evidence-add`, `legal-aid-evidence-item`, `legal-aid-evidence-remove`.
 */
export function EvidencePicker(props: { files: EvidenceFile[]; openid: string; onChange: (files: EvidenceFile[]) => void }) {
  const { files, openid, onChange } = props;
  const act = useAction();
  const [uploading, setUploading] = useState(0);
  const room = MAX_EVIDENCE_FILES - files.length - uploading;

  const add = async () => {
    if (uploading > 0) return; // one batch at a time: the files of a second would not be sent
    if (!openid && process.env.TARO_ENV !== 'h5') {
      void Taro.showToast({ title: '正在获取您的身份，请稍后再试', icon: 'none' });
      return;
    }
    let picked: Picked[];
    try {
      picked = await pick(room);
    } catch {
      return; // cancelled
    }
    const tooBig = picked.filter((p) => p.size > MAX_EVIDENCE_BYTES);
    if (tooBig.length) void Taro.showToast({ title: '单个文件不能超过10MB，已跳过', icon: 'none' });
    const ok = picked.filter((p) => p.size <= MAX_EVIDENCE_BYTES).slice(0, room);
    setUploading((n) => n + ok.length);
    let next = files;
    // One file after another; a file that fails is explained and the others still go up.
    for (const p of ok) {
      await act.run(() => uploadEvidence(p.path, p.kind, openid), {
        failTitle: '材料未能上传',
        onDone: (fileId) => {
          next = [...next, { fileId, preview: p.path, kind: p.kind }];
          onChange(next);
        },
      });
      setUploading((n) => n - 1);
    }
  };

  return (
    <View className='la-evidence'>
      {files.map((f) => (
        <View key={f.fileId} className='la-evidence-item' data-testid='legal-aid-evidence-item'>
          {f.kind === 'image' ? (
            <Image className='la-evidence-thumb' src={f.preview} mode='aspectFill' />
          ) : (
            <Text className='la-evidence-pdf'>PDF</Text>
          )}
          <View
            className='la-evidence-remove'
            data-testid='legal-aid-evidence-remove'
            onClick={() => onChange(files.filter((x) => x.fileId !== f.fileId))}
          >
            ×
          </View>
        </View>
      ))}
      {uploading > 0 && <View className='la-evidence-item la-evidence-busy'>上传中…</View>}
      {room > 0 && (
        <View className='la-evidence-item la-evidence-add' data-testid='legal-aid-evidence-add' onClick={() => void add()}>
          <Text className='la-evidence-plus'>+</Text>
          <Text className='la-evidence-hint'>照片/PDF</Text>
        </View>
      )}
    </View>
  );
}
