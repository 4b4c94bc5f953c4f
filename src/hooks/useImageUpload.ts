import { useState } from 'react';
import Taro from '@tarojs/taro';
import { errorMessage } from '../api/client';
import { uploadImage } from '../api/upload';

/**
 * One photo picked and uploaded into the member's own storage folder (a certificate, a profile photo, a form's
 * picture): `uploading` while it goes (a second tap meanwhile does nothing), a cancelled pick does nothing, and a
 * failure is said in a toast. `pick(onUploaded)` hands over the file id and the picture on this phone.
 */
export function useImageUpload(openid: string): {
  uploading: boolean;
  pick: (onUploaded: (fileId: string, path: string) => void) => Promise<void>;
} {
  const [uploading, setUploading] = useState(false);
  const pick = async (onUploaded: (fileId: string, path: string) => void) => {
    if (uploading) return;
    try {
      const chosen = await Taro.chooseImage({ count: 1, sizeType: ['compressed'] });
      const path = chosen.tempFilePaths[0];
      if (!path) return;
      setUploading(true);
      onUploaded(await uploadImage(path, openid), path);
    } catch (e) {
      if ((e as { errMsg?: string }).errMsg?.includes('cancel')) return;
      void Taro.showToast({ title: errorMessage(e), icon: 'none' });
    } finally {
      setUploading(false);
    }
  };
  return { uploading, pick };
}
