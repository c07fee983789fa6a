// Runs before each test file of the "shared modules" project (vitest.config.ts), whose files share
// one worker's modules and, for the happy-dom files, one document: each file starts from an empty
// one and with no spies left over.
import { vi } from 'vitest';

vi.restoreAllMocks();
if (typeof document !== 'undefined') {
  document.head.replaceChildren();
  document.body.replaceChildren();
  for (const name of document.documentElement.getAttributeNames()) document.documentElement.removeAttribute(name);
  for (const name of document.body.getAttributeNames()) document.body.removeAttribute(name);
}
