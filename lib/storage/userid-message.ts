import { z } from '../zod.ts';
import { IMPORT_MAX_BYTES } from './limits.ts';

/**
 * Pages never write saved UserIDs: they send one of these to the background, the one writer
 * (list-writer.ts), which applies them in order. Field values are normalized and limited there;
 * this checks the shape and bounds the sizes.
 */
export const USERIDS_WRITE = 'imch:userids-write';

const text = (max: number) => z.string().check(z.maxLength(max));
const scope = z.union([z.literal('any'), z.number()]);
const ref = z.object({ id: text(80), sdkAppId: scope });
const optionalText = z.optional(z.nullable(text(10_000)));

export const userIdOpSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ready') }),
  z.object({ kind: z.literal('save'), input: z.object({ sdkAppId: scope, userId: text(10_000), label: z.optional(text(10_000)), note: z.optional(text(10_000)) }) }),
  z.object({
    kind: z.literal('edit'),
    ref,
    input: z.object({ userId: z.optional(text(10_000)), label: optionalText, note: optionalText, sdkAppId: z.optional(scope) }),
  }),
  z.object({ kind: z.literal('remove'), ref }),
  // The undo token, checked again as a stored entry by the writer.
  z.object({ kind: z.literal('restore'), entry: z.record(z.string(), z.unknown()) }),
  z.object({ kind: z.literal('move'), ref, toIndex: z.number() }),
  z.object({ kind: z.literal('markUsed'), ref }),
  z.object({ kind: z.literal('import'), text: text(IMPORT_MAX_BYTES), format: z.optional(z.enum(['json', 'csv'])) }),
  z.object({ kind: z.literal('setSync'), enabled: z.boolean() }),
]);

export type UserIdOp = z.infer<typeof userIdOpSchema>;

export const userIdMessageSchema = z.object({ type: z.literal(USERIDS_WRITE), op: userIdOpSchema });

