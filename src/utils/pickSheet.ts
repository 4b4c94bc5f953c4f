import Taro from '@tarojs/taro';

export interface PickedFile {
  name: string;
  /** weapp: a temp path; H5: the File itself. */
  file: { path: string } | File;
}

/** H5: a hidden file input, clicked; resolves with the chosen file or null. */
function pickInBrowser(accept: string): Promise<PickedFile | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.style.display = 'none';
    input.onchange = () => {
      const f = input.files?.[0];
      input.remove();
      resolve(f ? { name: f.name, file: f } : null);
    };
    document.body.appendChild(input);
    input.click();
  });
}

/** An .xlsx / .csv list: weapp picks it from a chat (chooseMessageFile), H5 from a file input. */
export async function pickSheet(): Promise<PickedFile | null> {
  if (process.env.TARO_ENV === 'h5') return pickInBrowser('.xlsx,.csv');
  try {
    const res = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx', 'csv'] });
    const f = res.tempFiles[0];
    return f ? { name: f.name, file: { path: f.path } } : null;
  } catch {
    return null; // cancelled
  }
}
