import { z } from '../../lib/zod.ts';

/**
 * The saved-UserID picker frame (an extension page) and the console's content script talk over
 * one runtime port, opened by the frame with `tabs.connect` under this name. Both sides check
 * every message (the frame's side: to-frame.ts); only the chosen UserID goes back to the console.
 * One schema per message type, picked by `type` (no union: this part is in the content script's
 * always-loaded bundle, where every KB counts).
 */
export const PICKER_PORT = 'imch-userid-picker';
export const PICKER_FRAME_PATH = '/userid-picker-frame.html';
/** Firefox: the frame's port to the background, which joins it to its tab (relay.ts). */
export const PICKER_RELAY = 'imch-userid-picker-relay';
/** The longest UserID either side accepts (the store's own limit is lower). */
export const MAX_USERID = 1000;

/** Content script → frame. */
export type ToFrame =
  /** What the picker serves: the console's language and app, and the field's value at open. */
  | { type: 'init'; lang: 'zh' | 'en'; sdkAppId: number | null; value: string }
  /** The answer to `confirm`: does the field still hold the value the save form shows? */
  | { type: 'confirmed'; same: boolean }
  /** The picker closed: the frame is kept, hidden and empty, for the next opening. */
  | { type: 'hide' };

const FROM_FRAME = {
  choose: z.object({ type: z.literal('choose'), userId: z.string().check(z.minLength(1), z.maxLength(MAX_USERID)) }),
  close: z.object({ type: z.literal('close'), refocus: z.boolean() }),
  confirm: z.object({ type: z.literal('confirm'), value: z.string().check(z.maxLength(MAX_USERID)) }),
  size: z.object({ type: z.literal('size'), height: z.number().check(z.gte(0), z.lte(2000)) }),
  /** Firefox: the background's first word on a relayed port, naming the frame (relay.ts). */
  relay: z.object({ type: z.literal('relay'), frameId: z.number().check(z.int()) }),
};
/** Frame → content script. */
export type FromFrame = { [K in keyof typeof FROM_FRAME]: z.infer<(typeof FROM_FRAME)[K]> }[keyof typeof FROM_FRAME];

export function parseFromFrame(raw: unknown): FromFrame | undefined {
  const type = (raw as { type?: unknown } | null)?.type;
  if (typeof type !== 'string' || !Object.hasOwn(FROM_FRAME, type)) return undefined;
  const parsed = FROM_FRAME[type as keyof typeof FROM_FRAME].safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}
