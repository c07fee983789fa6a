/**
 * e2e tests with no Firefox counterpart, each with the reason. Keep this short: a user path
 * belongs in a Firefox check (its `mirrors`), not here.
 */
export const PARITY_EXCLUSIONS: Record<string, string> = {};
