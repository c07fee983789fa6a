/**
 * Our longest stretch of work in one task. A long task is one over 50 ms: the page's own work in
 * the same task, a slow step, and a busy machine taking the CPU away mid-slice (8 ms slices read
 * as 50–100 ms tasks beside four other test runs on 2 cores) still leave room under it.
 */
export const SLICE_BUDGET_MS = 5;

/** A unit of work: called until it returns false (done). Each call must be short (one node). */
export type Step = () => boolean;

export interface SlicerOptions {
  signal: AbortSignal;
  budgetMs?: number;
  now?: () => number;
  /** Gives the page the main thread: resolves in a later task. */
  yieldToPage?: () => Promise<void>;
  onError?: (error: unknown) => void;
}

export interface Slicer {
  /** Queues a step; steps run in order, never in the caller's task. */
  add(step: Step): void;
  /** Queues a step that goes before every plain step still waiting (placing what was found). */
  addUrgent(step: Step): void;
  /** Steps not finished yet. */
  readonly pending: number;
}

interface SchedulerLike {
  postTask?: (callback: () => void, options: { priority: 'user-visible' }) => Promise<void>;
}

/**
 * Gives the page the main thread: our next slice waits behind the tasks already queued (the page's
 * timers, its network callbacks, rendering). `scheduler.postTask` at the page's own priority where
 * the browser has it, else a message to ourselves (no 4 ms timer clamp). Not `scheduler.yield()`:
 * its continuation runs ahead of the page's queued tasks, and in Firefox ESR a scan of 50,000 rows
 * made of such slices held the page's timers and its frames for the whole scan (2.5 s idle, 8–13 s
 * beside other work), though no single slice was long.
 */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: SchedulerLike }).scheduler;
  if (typeof scheduler?.postTask === 'function') return scheduler.postTask(() => {}, { priority: 'user-visible' });
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * Runs queued steps in slices bounded by a deadline: when a slice has used its budget, it yields to
 * the page and goes on in a new task. However much the page holds (50,000 log rows), none of our
 * tasks is longer than the budget plus one step.
 */
export function createSlicer({ signal, budgetMs = SLICE_BUDGET_MS, now = () => performance.now(), yieldToPage: yieldTo = yieldToPage, onError }: SlicerOptions): Slicer {
  let queue: Step[] = [];
  let head = 0;
  let urgent: Step[] = [];
  let running = false;
  const waiting = () => urgent.length > 0 || head < queue.length;

  async function drain() {
    running = true;
    try {
      while (waiting() && !signal.aborted) {
        // Always in a task of our own: never lengthen the task that queued the work.
        await yieldTo();
        const deadline = now() + budgetMs;
        while (waiting() && !signal.aborted) {
          const fromUrgent = urgent.length > 0;
          let more = false;
          try {
            more = fromUrgent ? urgent[0]!() : queue[head]!();
          } catch (error) {
            onError?.(error);
          }
          if (!more) {
            if (fromUrgent) urgent.shift();
            else head++;
          }
          if (now() >= deadline) break;
        }
        if (head > 1024 && head * 2 > queue.length) {
          queue = queue.slice(head);
          head = 0;
        }
      }
    } finally {
      running = false;
      if (signal.aborted) {
        queue = [];
        urgent = [];
        head = 0;
      }
    }
  }

  return {
    add(step) {
      if (signal.aborted) return;
      queue.push(step);
      if (!running) void drain();
    },
    addUrgent(step) {
      if (signal.aborted) return;
      urgent.push(step);
      if (!running) void drain();
    },
    get pending() {
      return urgent.length + queue.length - head;
    },
  };
}
