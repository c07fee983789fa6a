// The decode scan's time slicing: however much work is queued, no slice runs past its budget
// (plus the one step that crossed it), every slice starts in a task of its own, and the work
// is done in order, to the end.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSlicer, yieldToPage, type Step } from '../../../entrypoints/console.content/slicer.ts';

/** A clock that only moves when a step says it took time, and a yield we count and release. */
function harness(budgetMs = 8) {
  let clock = 0;
  const slices: { start: number; end?: number }[] = [];
  const pending: (() => void)[] = [];
  let inSlice = false;
  const controller = new AbortController();
  const errors: unknown[] = [];
  const slicer = createSlicer({
    signal: controller.signal,
    budgetMs,
    now: () => clock,
    yieldToPage: () =>
      new Promise<void>((resolve) => {
        if (inSlice) slices.at(-1)!.end = clock;
        inSlice = false;
        pending.push(() => {
          inSlice = true;
          slices.push({ start: clock });
          resolve();
        });
      }),
    onError: (e) => errors.push(e),
  });
  /** Runs the page's turns until the slicer has nothing left (or `max` turns). */
  const runTasks = async (max = 10_000) => {
    for (let i = 0; i < max; i++) {
      await Promise.resolve();
      await Promise.resolve();
      const next = pending.shift();
      if (!next) {
        if (inSlice) slices.at(-1)!.end = clock;
        inSlice = false;
        if (slicer.pending === 0) return;
        continue;
      }
      next();
      // Let the slice run to its next yield.
      for (let j = 0; j < 5; j++) await Promise.resolve();
    }
  };
  const tick = (ms: number) => {
    clock += ms;
  };
  return { slicer, slices, runTasks, tick, controller, errors, pendingYields: () => pending.length };
}

/** A step walking `n` items, each taking `ms`. */
function walk(n: number, ms: number, tick: (ms: number) => void, seen: number[], offset = 0): Step {
  let i = 0;
  return () => {
    tick(ms);
    seen.push(offset + i);
    return ++i < n;
  };
}

describe('time slicing', () => {
  it('never runs in the task that queued the work', () => {
    const { slicer, pendingYields } = harness();
    let ran = false;
    slicer.add(() => ((ran = true), false));
    expect(ran).toBe(false);
    expect(pendingYields()).toBe(1);
  });

  it('50,000 one-millisecond-or-less steps: every slice within budget plus one step, all done in order', async () => {
    const { slicer, slices, runTasks, tick } = harness(8);
    const seen: number[] = [];
    slicer.add(walk(50_000, 0.3, tick, seen));
    await runTasks();
    expect(seen).toHaveLength(50_000);
    expect(seen.every((v, i) => v === i)).toBe(true);
    expect(slices.length).toBeGreaterThan(1000);
    for (const s of slices) expect(s.end! - s.start).toBeLessThanOrEqual(8 + 0.3 + 1e-9);
  });

  it('steps added while it runs join the queue, in order', async () => {
    const { slicer, runTasks, tick } = harness(5);
    const seen: number[] = [];
    slicer.add(walk(20, 1, tick, seen));
    slicer.add(() => {
      slicer.add(walk(3, 1, tick, seen, 100));
      return false;
    });
    await runTasks();
    expect(seen).toEqual([...Array.from({ length: 20 }, (_, i) => i), 100, 101, 102]);
    expect(slicer.pending).toBe(0);
  });

  it('an urgent step (placing controls) runs before waiting work, even between the calls of a long walk', async () => {
    const { slicer, runTasks, tick } = harness(5);
    const seen: number[] = [];
    let i = 0;
    slicer.add(() => {
      tick(1);
      seen.push(i);
      if (i === 3) slicer.addUrgent(() => (seen.push(-1), false));
      return ++i < 6;
    });
    slicer.add(walk(2, 1, tick, seen, 100));
    slicer.addUrgent(() => (seen.push(-2), false));
    await runTasks();
    expect(seen).toEqual([-2, 0, 1, 2, 3, -1, 4, 5, 100, 101]);
  });

  it('a step that throws is reported and the rest still runs', async () => {
    const { slicer, runTasks, errors } = harness();
    const seen: string[] = [];
    slicer.add(() => {
      throw new Error('broken node');
    });
    slicer.add(() => (seen.push('after'), false));
    await runTasks();
    expect(errors).toHaveLength(1);
    expect(seen).toEqual(['after']);
  });

  it('stops when its feature stops', async () => {
    const { slicer, runTasks, tick, controller } = harness(4);
    const seen: number[] = [];
    slicer.add(walk(1000, 1, tick, seen));
    await runTasks(3);
    controller.abort();
    const done = seen.length;
    await runTasks();
    expect(done).toBeLessThan(1000);
    expect(seen).toHaveLength(done);
    slicer.add(() => (seen.push(-1), false));
    await runTasks();
    expect(seen).not.toContain(-1);
  });
});

describe('yieldToPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it("queues our next slice behind the page's tasks: postTask at the page's priority, never scheduler.yield (whose continuation jumps the queue)", async () => {
    const calls: string[] = [];
    vi.stubGlobal('scheduler', {
      postTask: (callback: () => void, options: { priority: string }) => {
        calls.push(`postTask ${options.priority}`);
        return Promise.resolve().then(callback);
      },
      yield: () => {
        calls.push('yield');
        return Promise.resolve();
      },
    });
    await yieldToPage();
    expect(calls).toEqual(['postTask user-visible']);
  });

  it('without a scheduler, resolves in a later task (a message to itself)', async () => {
    vi.stubGlobal('scheduler', undefined);
    const order: string[] = [];
    const done = yieldToPage().then(() => order.push('yielded'));
    await Promise.resolve();
    order.push('same task');
    await done;
    expect(order).toEqual(['same task', 'yielded']);
  });
});
