// Two saved-UserID pickers opened at once (two chips clicked quickly): each chip's frame gets its
// own port. In Chrome every onConnect listener of the content script is handed each port, so two
// frames waiting at once both took the first (one chip drove the other's frame, its own stayed
// blank); one frame at a time now waits for its port (frame-host.ts).
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { pickerFrame, pickerFrames, saveFromPicker } from './helpers/picker.ts';

const triggers = (page: Page) => page.locator('[data-imch=userid-picker]');
/** The UserID field of the n-th chip: the chip sits right after its field. */
const field = (page: Page, n: number) => triggers(page).nth(n).locator('xpath=preceding-sibling::input[1]');

test('two pickers opened at once: the second chip drives its own frame and fills its own field', async ({ page, serveConsole }) => {
  await serveConsole();
  await page.goto('https://console.tencentcloud.com/im/tool-push-check');
  await expect(triggers(page)).toHaveCount(2);
  await field(page, 0).fill('alice');
  await triggers(page).nth(0).click();
  await expect.poll(async () => !!(await pickerFrame(page))).toBe(true);
  await saveFromPicker(page, 'QA');
  await page.keyboard.press('Escape');
  await expect.poll(async () => !!(await pickerFrame(page))).toBe(false);

  // A fresh page: no frame kept from before; both pickers opened before either frame has loaded.
  await page.reload();
  await expect(triggers(page)).toHaveCount(2);
  await field(page, 0).fill('');
  await triggers(page).nth(0).click();
  // The first picker's frame covers the second chip: the second opens from its field (Alt+↓).
  await field(page, 1).focus();
  await page.keyboard.press('Alt+ArrowDown');
  await expect.poll(() => pickerFrames(page).length).toBe(2);
  // Both pickers are open, each in its own frame under its own field, each with the list.
  const frameUnder = async (n: number) => {
    const fieldBox = (await field(page, n).boundingBox())!;
    for (const frame of pickerFrames(page)) {
      const box = await (await frame.frameElement()).boundingBox();
      if (box && box.height > 0 && Math.abs(box.y - (fieldBox.y + fieldBox.height)) < 24 && (await frame.locator('[data-userid=alice]').count()) > 0) return frame;
    }
    return undefined;
  };
  await expect.poll(async () => !!(await frameUnder(1)), { timeout: 10_000 }).toBe(true);
  await expect.poll(async () => !!(await frameUnder(0)), { timeout: 10_000 }).toBe(true);
  await (await frameUnder(1))!.locator('[data-userid=alice]').click();
  await expect(field(page, 1)).toHaveValue('alice');
  await expect(field(page, 0)).toHaveValue('');
  await (await frameUnder(0))!.locator('[data-userid=alice]').click();
  await expect(field(page, 0)).toHaveValue('alice');
});
