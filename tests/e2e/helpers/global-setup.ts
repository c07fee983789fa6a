import { clearFigures } from './figures.ts';

/** Forgets figures left over from an interrupted run. */
export default function globalSetup(): void {
  clearFigures();
}
