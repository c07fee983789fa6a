// The saved-UserID picker is an extension page in a frame inside our closed shadow root: tests
// find it among the page's frames by its URL (Playwright attaches to it as to any frame; page
// scripts cannot reach it), and click in it with real, trusted mouse clicks.
import type { Frame, Page } from '@playwright/test';

export const PICKER_KIND = 'userid-picker';
export const PICKER_FRAME = 'userid-picker-frame.html';

export interface PickerOption {
  userId: string;
  text: string;
  selected: boolean;
  group: string;
}

/** The open picker's frame, once its panel shows (at most one is open at a time). */
export async function pickerFrame(page: Page): Promise<Frame | undefined> {
  for (const frame of page.frames()) {
    if (!frame.url().includes(PICKER_FRAME) || frame.isDetached()) continue;
    const open = await frame.evaluate(() => !!document.querySelector('[data-picker=open]')).catch(() => false);
    if (open) return frame;
  }
  return undefined;
}

/** Any frame of ours in the page, open or still loading. */
export function pickerFrames(page: Page): Frame[] {
  return page.frames().filter((f) => f.url().includes(PICKER_FRAME) && !f.isDetached());
}

export async function isPickerOpen(page: Page): Promise<boolean> {
  return !!(await pickerFrame(page));
}

export async function pickerOptions(page: Page): Promise<PickerOption[]> {
  const frame = await pickerFrame(page);
  if (!frame) return [];
  return frame
    .evaluate(() => {
      const out: { userId: string; text: string; selected: boolean; group: string }[] = [];
      for (const group of document.querySelectorAll('[role=group]')) {
        for (const option of group.querySelectorAll('[role=option]')) {
          out.push({ userId: option.getAttribute('data-userid') ?? '', text: option.textContent ?? '', selected: option.getAttribute('aria-selected') === 'true', group: group.getAttribute('data-group') ?? '' });
        }
      }
      return out;
    })
    .catch(() => []);
}

export async function pickerStatus(page: Page): Promise<string> {
  const frame = await pickerFrame(page);
  return frame ? ((await frame.locator('[data-picker-status]').textContent().catch(() => '')) ?? '') : '';
}

/** A real click on an element of the open picker. */
export async function clickInPicker(page: Page, selector: string): Promise<void> {
  const frame = await pickerFrame(page);
  if (!frame) throw new Error('no open picker');
  await frame.locator(selector).click();
}

/** Types into the open picker's save form: label, then Enter saves. */
export async function saveFromPicker(page: Page, label?: string): Promise<void> {
  await clickInPicker(page, '#save-label');
  if (label) await page.keyboard.type(label);
  await page.keyboard.press('Enter');
}
