/** The stored official-library tokens the browser suites use are current and verify here. */
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { verifyUserSig } from '../../../lib/usersig/index.ts';
import { JSON_PATH, officialNodeTokens } from '../../fixtures/usersig/official-node-tokens.ts';

describe('tests/fixtures/usersig/official-node-tokens.json', () => {
  const stored = JSON.parse(fs.readFileSync(JSON_PATH, 'utf8')) as ReturnType<typeof officialNodeTokens>;

  it('is exactly what tls-sig-api-v2 makes for those inputs (regenerate with --write)', () => {
    expect(stored).toEqual(officialNodeTokens());
  });

  it('every stored token verifies with its key at issue time', async () => {
    for (const t of stored) {
      const r = await verifyUserSig(t.token, { key: t.key, sdkAppId: t.sdkAppId, userId: t.userId, now: t.time });
      expect(r.ok, `${t.kind} ${JSON.stringify(t.userId).slice(0, 30)}`).toBe(true);
    }
  });
});
