import type { ConsoleFeature } from '../feature.ts';
import { decodeButtons } from './decode-buttons.ts';
import { verifierPrecheck } from './verifier-precheck.tsx';
import { diagnostics } from './diagnostics.tsx';
import { useridPicker } from './userid-picker.ts';

/** Every console feature, each in its own file. */
export const FEATURES: ConsoleFeature[] = [decodeButtons, verifierPrecheck, useridPicker, diagnostics];
