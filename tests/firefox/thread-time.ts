/**
 * Firefox's counterpart of tests/e2e/helpers/thread-time.ts: how much of its own thread's CPU each
 * long task of a page used, from the Gecko profiler. The profiler is started and read through
 * WebDriver BiDi in the browser's chrome scope (the harness launches Firefox with
 * -remote-allow-system-access), and only around the check that asks for it.
 *
 * Firefox marks every task of a content process's main thread over 50 ms of wall time (LongTask
 * markers). The profiler samples that thread every millisecond with the CPU time it used since the
 * previous sample (threadCPUDelta, ns), so a task's thread time is the sum over its samples: time
 * the thread sat descheduled (five browsers share 2 cores in `npm test`) is not in it.
 *
 * A page marks where its measured span starts and ends (performance.mark: UserTiming markers), so
 * the page's first layout before it and its teardown after it are not counted.
 */
import type { Browser } from 'puppeteer-core';

export interface PageTasks {
  /** Every URL that process loaded (Network markers), to tell the pages apart. */
  urls: string[];
  /** Long tasks between the page's two marks. */
  tasks: { wall: number; cpu: number }[];
  longestWall: number;
  longestCpu: number;
}

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: any }>;
}

/** The chrome-scope window of the browser, where `Services.profiler` lives. */
async function chromeContext(connection: BidiConnection): Promise<string> {
  const tree = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const browserWindow = (tree.result.contexts as { context: string; url: string }[]).find((c) => c.url === 'chrome://browser/content/browser.xhtml');
  if (!browserWindow) throw new Error('no chrome://browser window to start the profiler in (is -remote-allow-system-access set?)');
  return browserWindow.context;
}

async function inChrome(connection: BidiConnection, context: string, expression: string): Promise<unknown> {
  const { result } = await connection.send('script.evaluate', { expression, target: { context }, awaitPromise: true });
  if (result.type !== 'success') throw new Error(`chrome-scope script failed: ${JSON.stringify(result.exceptionDetails?.text ?? result)}`);
  return result.result?.value;
}

/**
 * Runs in the chrome scope on the profile object: for each content process's main thread that holds
 * both marks, the LongTask markers between them with the CPU time of their samples.
 */
export function analyse(profile: any, fromMark: string, toMark: string): PageTasks[] {
  const threads: any[] = [];
  const walk = (p: any) => {
    for (const t of p.threads ?? []) threads.push(t);
    for (const c of p.processes ?? []) walk(c);
  };
  walk(profile);
  const pages: PageTasks[] = [];
  for (const t of threads) {
    if (t.processType !== 'tab' || t.name !== 'GeckoMain') continue;
    const strings: string[] = t.stringTable;
    const m = t.markers.schema;
    const open = new Map<string, number>();
    const spans: { name: string; start: number; end: number; data: any }[] = [];
    const marks = new Map<string, number>();
    for (const row of t.markers.data) {
      const name = strings[row[m.name]]!;
      const phase = row[m.phase];
      const data = row[m.data];
      if (data?.type === 'UserTiming' && (data.name === fromMark || data.name === toMark)) marks.set(data.name, row[m.startTime]);
      if (phase === 1) spans.push({ name, start: row[m.startTime], end: row[m.endTime], data });
      else if (phase === 2) open.set(name, row[m.startTime]);
      else if (phase === 3 && open.has(name)) spans.push({ name, start: open.get(name)!, end: row[m.endTime], data });
    }
    const from = marks.get(fromMark);
    const to = marks.get(toMark);
    if (from === undefined || to === undefined) continue;
    const urls = [...new Set(spans.filter((s) => s.data?.type === 'Network' && s.data.URI).map((s) => String(s.data.URI)))];
    const s = t.samples.schema;
    const samples: any[][] = t.samples.data;
    const tasks = spans
      .filter((span) => span.name === 'LongTask' && span.end > from && span.start < to)
      .map((span) => {
        let cpu = 0;
        for (const sample of samples) {
          const time = sample[s.time];
          if (time > span.start && time <= span.end) cpu += (sample[s.threadCPUDelta] ?? 0) / 1e6;
        }
        return { wall: Math.round(span.end - span.start), cpu: Math.round(cpu) };
      });
    pages.push({
      urls,
      tasks,
      longestWall: Math.max(0, ...tasks.map((x) => x.wall)),
      longestCpu: Math.max(0, ...tasks.map((x) => x.cpu)),
    });
  }
  return pages;
}

/**
 * Starts the Gecko profiler (main threads only, CPU per sample, no JS stacks); `stop()` reads the
 * profile, stops the profiler and returns each page that made both marks.
 */
export async function traceTasks(browser: Browser, fromMark: string, toMark: string): Promise<{ stop(): Promise<PageTasks[]> }> {
  // puppeteer's BiDi browser keeps its session's connection here; chrome scope is not in its API.
  const connection = (browser as unknown as { connection: BidiConnection }).connection;
  const context = await chromeContext(connection);
  await inChrome(connection, context, `Services.profiler.StartProfiler(1 << 22, 1, ['cpu'], ['GeckoMain']).then(() => Services.profiler.IsActive())`);
  let stopped = false;
  return {
    async stop() {
      if (stopped) throw new Error('the profiler was already read');
      stopped = true;
      const json = await inChrome(
        connection,
        context,
        `(async () => {
          try {
            const profile = await Services.profiler.getProfileDataAsync();
            return JSON.stringify((${analyse.toString()})(profile, ${JSON.stringify(fromMark)}, ${JSON.stringify(toMark)}));
          } finally {
            await Services.profiler.StopProfiler();
          }
        })()`,
      );
      return JSON.parse(String(json)) as PageTasks[];
    },
  };
}
