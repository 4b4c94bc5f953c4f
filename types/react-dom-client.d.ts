// Minimal typing for react-dom/client (only the H5 dev identity switch uses it; @types/react-dom is not installed).
declare module 'react-dom/client' {
  import type { ReactNode } from 'react';
  export function createRoot(container: Element | DocumentFragment): { render(children: ReactNode): void; unmount(): void };
}
