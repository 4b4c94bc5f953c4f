/** The one 公示 mechanism (docs/publicity.md): the window, objections, their resolution, finalising. */
export * from './mechanism';
export * from './window';
