import type { ConsoleFeature } from '../feature.ts';
import { decodeButtons } from './decode-buttons/index.ts';
import { verifierPrecheck } from './verifier-precheck/index.ts';
import { diagnostics } from './diagnostics/index.ts';
import { useridPicker } from './userid-picker/index.ts';
import { codeExplanations } from './code-explanations/index.ts';

/** Every console feature, each in its own folder (features/<id>/index.ts registers it). */
export const FEATURES: ConsoleFeature[] = [decodeButtons, verifierPrecheck, useridPicker, diagnostics, codeExplanations];
