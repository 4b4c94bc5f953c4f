import qrcode from 'qrcode-generator';

/** GIF data URL of a QR code for `text`; works as an <Image src> in both weapp and H5. */
export function qrDataUrl(text: string, cellSize = 6, margin = 8): string {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  return qr.createDataURL(cellSize, margin);
}

/** Refresh interval: every 30 s, sooner if the token expires first (keep a 3 s margin). */
export function secondsUntilRefresh(expiresAt: string | number, now: number = Date.now(), every = 30): number {
  const exp = typeof expiresAt === 'number' ? expiresAt : Date.parse(expiresAt);
  if (!Number.isFinite(exp)) return every;
  const left = Math.floor((exp - now) / 1000) - 3;
  return Math.max(1, Math.min(every, left));
}
