import { decodeUserSig } from '../../../../lib/usersig/decode.ts';
// The key-less judgement: `assess` with a key would bring signature verification (and the v1
// ECDSA code) into the content script that runs on every console page.
import { assessWithoutKey } from '../../../../lib/usersig/assess.ts';
import type { Precheck } from './PrecheckView.tsx';

/** Everything the server would refuse that needs no key: malformed, SDKAppID, UserID, expiry. */
export async function precheck(userSig: string, userId: string, sdkAppId: number | undefined): Promise<Precheck> {
  if (userSig.trim() === '') return { empty: true, checks: [], problems: [] };
  const judged = assessWithoutKey(await decodeUserSig(userSig), { sdkAppId, userId: userId.trim() || undefined });
  return { empty: false, checks: judged.checks, problems: judged.problems };
}
