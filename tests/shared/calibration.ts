/**
 * A speed index of the machine at this moment: the time a fixed piece of CPU work takes. Timing
 * figures are recorded with the index taken right before them, so scripts/budgets.ts can judge a
 * figure as a ratio to the machine's speed in the same run (`value × reference / index`): a
 * machine twice as busy stretches both, and the ratio holds. Plain Node (the Firefox runner
 * imports it too): erasable TypeScript only.
 */

/** What the work took on this 2-core machine with nothing else running (median of many). */
export const CALIBRATION_REFERENCE_MS = 8;

/**
 * A timing figure fails only past this multiple of its budget, read as on the reference machine:
 * the speed index follows the machine's load only so far (with three lanes on 2 cores a browser's
 * processes are starved more than one thread of CPU work: the 5,000-row copy read 260 ms alone and
 * 740 ms beside the lanes at the same index), and a real regression — quadratic work, a
 * frame-long task per row — lands far beyond it. Between the budget and the margin it is printed
 * as over, not failed (scripts/budgets.ts); counts of long tasks in tests get the same margin.
 */
export const LOAD_MARGIN = 5;

let sink = 0;

function work(): number {
  // Integer mixing plus short-lived objects: what a UI's JavaScript spends its time on.
  let h = 0x811c9dc5;
  const parts: string[] = [];
  for (let i = 0; i < 5_000_000; i++) {
    h = Math.imul(h ^ i, 16777619) >>> 0;
    if ((i & 4095) === 0) parts.push(h.toString(36));
  }
  return h + parts.join('').length;
}

/**
 * ms for the fixed work (about 8 ms idle): long enough that a busy machine's time slicing shows
 * in it as it shows in the browser's work; the median of three.
 */
export function calibrate(): number {
  const times: number[] = [];
  for (let round = 0; round < 3; round++) {
    const t0 = performance.now();
    sink ^= work();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return Math.max(0.1, Math.round(times[1]! * 100) / 100);
}

/** A figure as it would read on the reference machine: `value × reference / index`. */
export function normalized(value: number, index: number): number {
  return (value * CALIBRATION_REFERENCE_MS) / Math.max(index, 0.1);
}

export function sinkValue(): number {
  return sink;
}
