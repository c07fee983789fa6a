// The page's tasks as the renderer's own trace records them, in thread time: what a task cost the
// CPU, which a busy machine does not stretch. A longtask entry is wall time, and on 2 cores shared
// by five browsers it counts every moment the page's thread was descheduled mid-task (#12).
import type { CDPSession, Page } from '@playwright/test';
import { SETTLED_MARK } from '../../fixtures/hostile/pages.ts';

export type ThreadTasks = {
  /** Tasks on the page's main thread after the mark, up to the end of the trace (the test's own left out). */
  tasks: number;
  /** The longest of them in thread time (ms). */
  longest: number;
  /** The same task's wall time (ms), for the report. */
  longestWall: number;
  /** The longest single run of the extension's own code on that thread (thread time, ms; 0 without it). */
  ownScript: number;
};

type TraceEvent = {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { chrome_mojo_event_info?: { mojo_interface_tag?: string }; data?: { url?: string } };
};

const TASK_NAMES = new Set(['ThreadControllerImpl::RunTask', 'RunTask']);
const DEVTOOLS_SESSION = 'blink.mojom.DevToolsSession';
const SCRIPT_RUNS = new Set(['FunctionCall', 'EvaluateScript', 'v8.compileModule', 'v8.evaluateModule']);

/** Starts tracing the browser's tasks (`toplevel`) and script runs (`devtools.timeline`) before `page` navigates. */
export async function traceTasks(page: Page): Promise<{ stop(): Promise<ThreadTasks> }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    traceConfig: { includedCategories: ['toplevel', 'devtools.timeline', 'blink.user_timing', '__metadata'], recordMode: 'recordAsMuchAsPossible' },
  });
  return {
    async stop() {
      const events = await endTrace(cdp);
      return tasksAfterMark(events);
    },
  };
}

async function endTrace(cdp: CDPSession): Promise<TraceEvent[]> {
  const complete = new Promise<string>((resolve) => cdp.once('Tracing.tracingComplete', (e) => resolve(e.stream!)));
  await cdp.send('Tracing.end');
  const stream = await complete;
  let text = '';
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle: stream, size: 1 << 20 });
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  await cdp.detach();
  const parsed = JSON.parse(text) as TraceEvent[] | { traceEvents: TraceEvent[] };
  return Array.isArray(parsed) ? parsed : parsed.traceEvents;
}

/** The page's main thread is the one that recorded the mark (the last one, if the page was reloaded). */
export function tasksAfterMark(events: TraceEvent[]): ThreadTasks {
  const marks = events.filter((e) => e.name === SETTLED_MARK && e.cat.includes('blink.user_timing'));
  const mark = marks.at(-1);
  if (!mark) throw new Error(`the trace holds no '${SETTLED_MARK}' mark: the page never settled, or Chromium no longer traces user timing`);
  const onThread = events.filter((e) => e.pid === mark.pid && e.tid === mark.tid && e.ts >= mark.ts);
  // The test's own calls into the page (Playwright's evaluate, its injected script) are neither the
  // page's work nor ours: tasks that handle a DevTools message are left out, with or without us.
  const devtools = onThread.filter((e) => e.args?.chrome_mojo_event_info?.mojo_interface_tag === DEVTOOLS_SESSION).map((e) => e.ts);
  const tasks = onThread.filter((e) => e.ph === 'X' && TASK_NAMES.has(e.name) && !devtools.some((ts) => ts >= e.ts && ts <= e.ts + (e.dur ?? 0)));
  if (tasks.length === 0) throw new Error('no task on the page’s thread after the mark: the trace did not record toplevel tasks');
  // A few tiny tasks come without thread time (a V8 GC job scheduling itself): counted at their wall time.
  const cpu = (t: TraceEvent) => t.tdur ?? t.dur ?? 0;
  if (tasks.every((t) => t.tdur === undefined)) throw new Error('the trace has no thread time (tdur) for the page’s tasks');
  const longest = tasks.reduce((a, b) => (cpu(b) > cpu(a) ? b : a));
  // Script runs (a call into a function, a script evaluated) from an extension's files.
  const own = onThread.filter((e) => e.ph === 'X' && SCRIPT_RUNS.has(e.name) && /^(chrome|moz)-extension:\/\//.test(e.args?.data?.url ?? ''));
  return { tasks: tasks.length, longest: cpu(longest) / 1000, longestWall: (longest.dur ?? 0) / 1000, ownScript: Math.max(0, ...own.map(cpu)) / 1000 };
}
