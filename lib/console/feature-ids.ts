/** The console features a user can switch off in the options page (features/<id>/ folders). */
export const FEATURE_IDS = ['decode-buttons', 'verifier-precheck', 'diagnostics', 'userid-picker', 'code-explanations'] as const;
export type FeatureId = (typeof FEATURE_IDS)[number];
