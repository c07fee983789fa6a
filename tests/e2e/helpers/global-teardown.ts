import { reportFigures } from './figures.ts';

/** Writes reports/e2e-figures.json and prints the figures table (runs with any reporter). */
export default function globalTeardown(): void {
  reportFigures();
}
