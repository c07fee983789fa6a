import { startFigures } from './figures.ts';

/** Gives this run its own folder for figure samples (workers inherit E2E_RUN_ID). */
export default function globalSetup(): void {
  startFigures();
}
