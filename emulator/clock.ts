/**
 * The local cloud's clock: the machine's time plus an offset tests may set (`/_emu/clock`), so that time can
 * pass in a test without waiting — temporary file links expire by it, timer triggers are stamped with it,
 * and function instances see it as LOCAL_CLOUD_CLOCK_OFFSET_MS (set per call by the function host only;
 * the functions' `functionNow()` reads it). WeChat Cloud has no such thing: in the cloud the offset is
 * always zero.
 */
export class LocalClock {
  private offset = 0;

  get offsetMs(): number {
    return this.offset;
  }

  now(): number {
    return Date.now() + this.offset;
  }

  /** Sets the offset (ms, may be negative); returns the new reading. */
  set(offsetMs: number): number {
    if (!Number.isFinite(offsetMs) || Math.abs(offsetMs) > 10 * 366 * 86_400_000) {
      throw new RangeError('offsetMs must be a finite number of milliseconds within ten years');
    }
    this.offset = Math.round(offsetMs);
    return this.now();
  }
}
