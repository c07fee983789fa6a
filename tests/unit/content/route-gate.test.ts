// @vitest-environment happy-dom
// Issue #17: the content script is matched to the console hosts whole; only a tool route gets a
// feature manager (observer, scans, storage), and leaving the route stops it.
import { describe, expect, it, vi } from 'vitest';
import { createRouteGate } from '../../../entrypoints/console.content/route-gate.ts';
import { createFeatureManager } from '../../../entrypoints/console.content/manager.ts';

function fakeManager() {
  return { start: vi.fn(), refresh: vi.fn(), stopAll: vi.fn() };
}

describe('route gate', () => {
  it('creates nothing on the console’s other pages, starts on a tool route, stops when the user leaves', () => {
    const made: ReturnType<typeof fakeManager>[] = [];
    const gate = createRouteGate(() => {
      const m = fakeManager();
      made.push(m);
      return m;
    });
    for (const url of ['https://console.cloud.tencent.com/', 'https://console.cloud.tencent.com/cvm', 'https://console.cloud.tencent.com/trtc/monitor', 'https://console.trtc.io/monitor']) gate.follow(url);
    expect(made, 'no manager on non-tool pages').toHaveLength(0);
    expect(gate.active()).toBe(false);

    gate.follow('https://console.cloud.tencent.com/trtc/usersigtool');
    expect(made).toHaveLength(1);
    expect(made[0]!.start).toHaveBeenCalledTimes(1);
    gate.follow('https://console.cloud.tencent.com/im/tool-usersig');
    expect(made, 'another tool route: the same manager re-detects').toHaveLength(1);
    expect(made[0]!.refresh).toHaveBeenCalledWith(true);

    gate.follow('https://console.cloud.tencent.com/cvm');
    expect(made[0]!.stopAll).toHaveBeenCalledTimes(1);
    expect(gate.active()).toBe(false);

    gate.follow('https://console.trtc.io/usersig');
    expect(made, 'a new manager on the next tool route').toHaveLength(2);
    gate.stop();
    expect(made[1]!.stopAll).toHaveBeenCalledTimes(1);
  });

  it('with the real manager: no MutationObserver exists until a tool route, and none after leaving it', () => {
    const observe = vi.spyOn(MutationObserver.prototype, 'observe');
    const disconnect = vi.spyOn(MutationObserver.prototype, 'disconnect');
    const gate = createRouteGate(() => createFeatureManager([]));
    gate.follow('https://console.tencentcloud.com/cvm');
    expect(observe).not.toHaveBeenCalled();
    gate.follow('https://console.tencentcloud.com/trtc/usersigtool');
    expect(observe).toHaveBeenCalledTimes(1);
    gate.follow('https://console.tencentcloud.com/');
    expect(disconnect).toHaveBeenCalledTimes(1);
    vi.restoreAllMocks();
  });
});
