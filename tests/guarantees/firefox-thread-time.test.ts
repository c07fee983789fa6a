// The reading of a Gecko profile behind Firefox's attack 4 figure (tests/firefox/thread-time.ts):
// only long tasks between the page's two marks count, each with the CPU time of its own samples.
import { describe, expect, it } from 'vitest';
import { analyse } from '../firefox/thread-time.ts';

const SCHEMA = { name: 0, startTime: 1, endTime: 2, phase: 3, category: 4, data: 5 };
const STRINGS = ['LongTask', 'UserTiming', 'Load 1: https://console.example/page', 'Reflow'];
const INTERVAL = 1;
const INSTANT = 0;

/** A content process's main thread: samples every ms, `busy(t)` ns of CPU in the ms before t. */
function thread(markers: unknown[][], busy: (t: number) => number, processType = 'tab') {
  const samples = [];
  for (let t = 1; t <= 1_000; t++) samples.push([null, t, 0, busy(t)]);
  return {
    processType,
    name: 'GeckoMain',
    stringTable: STRINGS,
    markers: { schema: SCHEMA, data: markers },
    samples: { schema: { stack: 0, time: 1, eventDelay: 2, threadCPUDelta: 3 }, data: samples },
  };
}

const load = [2, 0, 10, INTERVAL, 0, { type: 'Network', URI: 'https://console.example/page' }];
const mark = (name: string, at: number) => [1, at, null, INSTANT, 0, { type: 'UserTiming', name, entryType: 'mark' }];
const longTask = (start: number, end: number) => [0, start, end, INTERVAL, 0, { type: 'MainThreadLongTask', category: 'LongTask' }];

describe('Firefox long tasks by thread time', () => {
  it('counts the long tasks between the marks, each with the CPU time of its samples', () => {
    // Busy for the whole of 200–290 ms, a quarter of the time in 400–470 ms (descheduled the rest).
    const busy = (t: number) => (t > 200 && t <= 290 ? 1e6 : t > 400 && t <= 470 ? 0.25e6 : 0);
    const markers = [load, longTask(5, 80), mark('settled', 100), longTask(200, 290), longTask(400, 470), mark('measured', 500), longTask(600, 900)];
    const [page, ...others] = analyse({ threads: [], processes: [{ threads: [thread(markers, busy)] }] }, 'settled', 'measured');
    expect(others).toEqual([]);
    expect(page!.urls).toEqual(['https://console.example/page']);
    expect(page!.tasks).toEqual([
      { wall: 90, cpu: 90 },
      { wall: 70, cpu: 18 },
    ]);
    expect(page!.longestWall).toBe(90);
    expect(page!.longestCpu).toBe(90);
  });

  it('reads 0 when no task between the marks was long, and skips threads without both marks or not of a page', () => {
    const quiet = thread([load, mark('settled', 100), mark('measured', 500), longTask(600, 700)], () => 1e6);
    const unmarked = thread([load, longTask(200, 300)], () => 1e6);
    const parent = thread([load, mark('settled', 100), longTask(200, 300), mark('measured', 500)], () => 1e6, 'default');
    const pages = analyse({ threads: [parent], processes: [{ threads: [quiet] }, { threads: [unmarked] }] }, 'settled', 'measured');
    expect(pages).toEqual([{ urls: ['https://console.example/page'], tasks: [], longestWall: 0, longestCpu: 0 }]);
  });
});
