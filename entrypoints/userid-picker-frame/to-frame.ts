import { z } from '../../lib/zod.ts';
import { MAX_USERID, type ToFrame } from './protocol.ts';

/** The frame's check of what the content script sends (protocol.ts has the types). */
const schema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('init'), lang: z.enum(['zh', 'en']), sdkAppId: z.nullable(z.number().check(z.int(), z.positive())), value: z.string().check(z.maxLength(MAX_USERID)) }),
  z.object({ type: z.literal('confirmed'), same: z.boolean() }),
  z.object({ type: z.literal('hide') }),
]);

export function parseToFrame(raw: unknown): ToFrame | undefined {
  const parsed = schema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}
