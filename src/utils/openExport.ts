import Taro from '@tarojs/taro';

/**
 * Opens an exported roster: weapp downloads it and opens it with the share menu (so the staffer can forward
 * it in a chat); H5 (development) downloads it in the browser.
 */
export async function openExport(url: string, fileName: string): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    a.click();
    return;
  }
  const file = await Taro.downloadFile({ url });
  await Taro.openDocument({ filePath: file.tempFilePath, fileType: 'xlsx', showMenu: true });
}
