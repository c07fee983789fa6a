// Real TEA (tea-component 2.8, the Tencent Cloud console's React library) markup for unit tests:
// rendered by React, never written by hand. renderToString keeps React's text-node boundaries
// ("原因", "：", "…" become three text nodes when parsed), as the live console has them.
import React from 'react';
import { renderToString } from 'react-dom/server';

// tea-component's types are written for React 16/17 and @types/react is 19: create loosely.
type Child = React.ReactNode;
export const h = React.createElement as unknown as (type: unknown, props?: Record<string, unknown> | null, ...children: Child[]) => React.ReactElement;

/** The HTML of a TEA tree, React's server warnings (useLayoutEffect) silenced. */
export function teaHtml(element: React.ReactElement): string {
  const error = console.error;
  console.error = () => {};
  try {
    return renderToString(element);
  } finally {
    console.error = error;
  }
}
