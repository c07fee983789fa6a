import { FEATURE_IDS, type FeatureId } from '../console/feature-ids.ts';
import { z } from '../zod.ts';

/** On/off per console feature; every feature is on unless the user switched it off. */
export type FeatureSwitches = Readonly<Record<FeatureId, boolean>>;

export const DEFAULT_SWITCHES: FeatureSwitches = Object.fromEntries(FEATURE_IDS.map((id) => [id, true])) as Record<FeatureId, boolean>;

/**
 * Key by key: a missing or bad switch reads as on, unknown keys are dropped. Returns undefined when
 * `raw` is not an object at all (the caller reports the field as invalid).
 */
export function parseSwitches(raw: unknown): FeatureSwitches | undefined {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const out = { ...DEFAULT_SWITCHES } as Record<FeatureId, boolean>;
  for (const id of FEATURE_IDS) {
    const parsed = z.boolean().safeParse(Reflect.get(raw, id));
    if (parsed.success) out[id] = parsed.data;
  }
  return out;
}
