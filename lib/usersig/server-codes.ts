import type { Localized } from '../i18n.ts';
import { ACCOUNT_ROWS } from '../codes/core-account.ts';
import { USERSIG_CONSTANTS } from '../codes/core-usersig.ts';
import { ACCOUNT_MEANINGS_EN } from '../codes/account-texts-en.ts';
import { ACCOUNT_MEANINGS_ZH } from '../codes/account-texts-zh.ts';
import { USERSIG_MEANINGS_EN } from '../codes/usersig-texts-en.ts';
import { USERSIG_MEANINGS_ZH } from '../codes/usersig-texts-zh.ts';

export type ServerCodeInfo = Localized & { constant: string };

const EN = { ...USERSIG_MEANINGS_EN, ...ACCOUNT_MEANINGS_EN };
const ZH = { ...USERSIG_MEANINGS_ZH, ...ACCOUNT_MEANINGS_ZH };

/**
 * The account and UserSig codes with their constant and meaning in both languages, read from the
 * error-code dictionary's account part (lib/codes core-usersig, core-account and their texts). For
 * any other code, use lib/codes (lookupCode), which loads each language on first need.
 */
export const SERVER_CODES: Record<number, ServerCodeInfo> = Object.fromEntries(
  [...Object.entries(USERSIG_CONSTANTS), ...ACCOUNT_ROWS.map((row) => [row[0], row[4]!] as const)].map(([code, constant]) => [
    code,
    { constant, en: EN[Number(code)]!, zh: ZH[Number(code)]! },
  ]),
);

export function describeServerCode(code: number): ServerCodeInfo | undefined {
  return SERVER_CODES[code];
}
