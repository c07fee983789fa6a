import { writeFileSync } from 'node:fs';
import { test, expect } from './fixtures.ts';
import { CONSOLE_ORIGIN, HOSTILE_PATHS, hostileFulfil } from '../fixtures/hostile/pages.ts';
test('scratch: profile hostile rows', async ({ page, serve, serveConsole }) => {
  test.setTimeout(300_000);
  await serveConsole();
  await serve(`${CONSOLE_ORIGIN}/**`, hostileFulfil);
  await page.addInitScript(() => { (window as any).__lt = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) (window as any).__lt.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask', buffered: true }); });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
  await cdp.send('Profiler.start');
  await page.goto(CONSOLE_ORIGIN + HOSTILE_PATHS.manyRows);
  await page.waitForFunction(() => document.body.dataset.settledAt, null, { polling: 100, timeout: 120_000 });
  await page.waitForTimeout(10000);
  console.log('settled', await page.evaluate(() => document.body.dataset.settledAt), JSON.stringify(await page.evaluate(() => (window as any).__lt)));
  const { profile } = await cdp.send('Profiler.stop');
  writeFileSync('/tmp/prof.cpuprofile', JSON.stringify(profile));
});
