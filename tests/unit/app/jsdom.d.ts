// Minimal typing for jsdom (installed with the test tooling; @types/jsdom is not): what the hook tests use.
declare module 'jsdom' {
  export class JSDOM {
    constructor(html?: string);
    readonly window: Window & typeof globalThis;
  }
}
