// react-dom 17 ships no types (and @types/react-dom is not installed): the one call these tests use.
declare module 'react-dom/server' {
  import type { ReactElement } from 'react';
  /** Unlike renderToStaticMarkup, keeps React's text-node boundaries (as `<!-- -->`), as the live DOM has them. */
  export function renderToString(element: ReactElement): string;
}
