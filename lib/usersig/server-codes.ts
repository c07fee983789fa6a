import type { Localized } from '../i18n.ts';
import { USERSIG_MEANINGS_EN } from '../codes/usersig-texts-en.ts';
import { USERSIG_MEANINGS_ZH } from '../codes/usersig-texts-zh.ts';
import { PROBLEM_SERVER_CONSTANTS } from './problem-server-codes.ts';

export type ServerCodeInfo = Localized & { constant: string };

/**
 * The account and UserSig codes with their constant and meaning in both languages, read from the
 * error-code dictionary's UserSig part (lib/codes/core-usersig.ts and usersig-texts-*.ts). For any
 * other code, use lib/codes (lookupCode), which loads each language on first need.
 */
export const SERVER_CODES: Record<number, ServerCodeInfo> = Object.fromEntries(
  Object.entries(PROBLEM_SERVER_CONSTANTS).map(([code, constant]) => [
    code,
    { constant, en: USERSIG_MEANINGS_EN[Number(code)]!, zh: USERSIG_MEANINGS_ZH[Number(code)]! },
  ]),
);

export function describeServerCode(code: number): ServerCodeInfo | undefined {
  return SERVER_CODES[code];
}
