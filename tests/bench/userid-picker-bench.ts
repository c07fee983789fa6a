/**
 * Saved-UserID picker benchmark: node tests/bench/userid-picker-bench.ts
 *
 * 10,000 saved UserIDs (half for the current SDKAppID, half for "any app", about one in six used
 * recently, Chinese labels and notes on some). Prints, per step, the median, 95th percentile and
 * worst time of many runs:
 * - decode: reading the two stored lists (JSON text), zod-validated item by item (a page does this when
 *   a list changed);
 * - open: building the ordered picker list (current app first, then any app; recently used on
 *   top, then manual order) with its search text;
 * - filter: one keystroke, over the whole list, for several typed strings;
 * against the budget of one frame (16 ms). Figures, not assertions: it always exits 0.
 */
import os from 'node:os';
import { toSavedUserId, type SavedUserId, type StoredEntry } from '../../lib/storage/entry.ts';
import { decodeStoredList, encodeList } from '../../lib/storage/list-read.ts';
import { liveEntries, type ListState } from '../../lib/storage/list-ops.ts';
import { buildPickerIndex, filterPicker } from '../../lib/storage/search.ts';

const TOTAL = 10_000;
const APP = 1400000001;
const FRAME_MS = 16;
const NOW = 1_750_000_000_000;

/** Deterministic pseudo-random numbers, so runs are comparable. */
let seed = 20240601;
function random(): number {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
}

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄'];
function makeEntry(i: number): StoredEntry {
  const used = random() < 0.15;
  const entry: StoredEntry = {
    id: `u${i.toString(16).padStart(16, '0')}`,
    userId: random() < 0.8 ? `user_${i}` : `${['ios', 'android', 'web', 'qa'][i % 4]}-device-${i}`,
    createdAt: NOW - i * 60_000,
    updatedAt: NOW - i * 30_000,
    useCount: used ? Math.floor(random() * 50) + 1 : 0,
    order: i,
  };
  const label = random() < 0.6 ? `${SURNAMES[i % SURNAMES.length]}测试 ${i}` : undefined;
  const note = random() < 0.2 ? `Android 14, vendor push ${i % 7 === 0 ? '未配置' : 'ok'}; shared QA account` : undefined;
  return {
    ...entry,
    ...(label === undefined ? {} : { label }),
    ...(note === undefined ? {} : { note }),
    ...(used ? { lastUsedAt: NOW - Math.floor(random() * 1e9) } : {}),
  };
}

function stateOf(entries: StoredEntry[]): ListState {
  return { entries: new Map(entries.map((e) => [e.userId, e])) };
}

const all = Array.from({ length: TOTAL }, (_, i) => makeEntry(i));
const appStored = all.filter((_, i) => i % 2 === 0);
const anyStored = all.filter((_, i) => i % 2 === 1);
// What browser.storage hands back: a fresh structured clone of the stored JSON.
const rawApp = JSON.parse(JSON.stringify(encodeList(stateOf(appStored)))) as unknown;
const rawAny = JSON.parse(JSON.stringify(encodeList(stateOf(anyStored)))) as unknown;

function toEntries(raw: unknown, scope: SavedUserId['sdkAppId']): SavedUserId[] {
  return liveEntries(decodeStoredList(raw).state).map((e) => toSavedUserId(e, scope));
}
const app = toEntries(rawApp, APP);
const any = toEntries(rawAny, 'any');

function measure(runs: number, fn: () => unknown): number[] {
  for (let i = 0; i < Math.min(5, runs); i++) fn(); // warm up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    fn();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

function row(name: string, times: readonly number[], detail = ''): void {
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? Number.NaN;
  const worst = times[times.length - 1] ?? Number.NaN;
  const verdict = at(0.95) < FRAME_MS ? 'ok' : 'OVER BUDGET';
  console.log(
    `${name.padEnd(34)} median ${at(0.5).toFixed(3).padStart(7)} ms   p95 ${at(0.95).toFixed(3).padStart(7)} ms   max ${worst.toFixed(3).padStart(7)} ms   ${verdict}${detail ? `   ${detail}` : ''}`,
  );
}

console.log(`Saved-UserID picker, ${TOTAL.toLocaleString('en')} entries (${app.length} for ${APP}, ${any.length} for any app); budget ${FRAME_MS} ms per step`);
const [load1] = os.loadavg();
console.log(`Node ${process.version}, ${os.cpus().length} CPUs, load average ${load1?.toFixed(1)} (other processes inflate the p95 and max)\n`);

row('decode both stored lists (cold)', measure(30, () => [toEntries(rawApp, APP), toEntries(rawAny, 'any')]));

const index = buildPickerIndex({ app, any });
row('open: build ordered picker list', measure(100, () => buildPickerIndex({ app, any })), `${index.items.length} items`);

const typed = ['user_4321', 'android-device', '测试 12', 'ZZZ-no-match', 'VENDOR PUSH'];
for (const word of typed) {
  const keystrokes = Array.from({ length: word.length }, (_, i) => word.slice(0, i + 1));
  const times: number[] = [];
  for (let round = 0; round < 20; round++) {
    for (const prefix of keystrokes) {
      const started = performance.now();
      filterPicker(index, prefix);
      times.push(performance.now() - started);
    }
  }
  const matches = filterPicker(index, word).length;
  row(`filter per keystroke "${word}"`, times.sort((a, b) => a - b), `${matches} matches at the end`);
}
row('filter, first 50 only (what a UI shows)', measure(200, () => filterPicker(index, 'u', 50)));
