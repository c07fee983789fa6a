import { browser } from 'wxt/browser';
import { findUserSigs } from '../../lib/usersig/find.ts';

export const PENDING_KEY = 'pendingDecode';

/** Text handed over by the context menu, taken once. */
async function takePendingText(): Promise<string | undefined> {
  try {
    const area = browser.storage.session;
    const value = (await area.get(PENDING_KEY))[PENDING_KEY];
    await area.remove(PENDING_KEY);
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The active tab's selection, readable because opening the popup grants activeTab. */
async function selectedUserSigText(): Promise<string | undefined> {
  try {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined || !browser.scripting) return undefined;
    const [result] = await browser.scripting.executeScript({
      target: { tabId: tab.id },
      func: () => String(getSelection() ?? '').slice(0, 100_000),
    });
    const text = typeof result?.result === 'string' ? result.result : '';
    return findUserSigs(text).length > 0 ? text : undefined;
  } catch {
    return undefined;
  }
}

export async function incomingText(): Promise<string | undefined> {
  return (await takePendingText()) ?? (await selectedUserSigText());
}
