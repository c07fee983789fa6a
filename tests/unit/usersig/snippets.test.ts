/**
 * The server snippets make the token they were built from: the Node one is run against the official
 * library (tls-sig-api-v2), the others' arguments are read back from their code.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeUserSig, generatePrivateMapKey, generateUserSig } from '../../../lib/usersig/index.ts';
import { KEY_VARIABLE, serverSnippets, snippetParams, type SnippetParams } from '../../../lib/usersig/snippets.ts';
import type { DecodedToken } from '../../../lib/usersig/types.ts';
import { atClock } from './_helpers.ts';

const require = createRequire(import.meta.url);
const KEY = '5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e';
const NOW = 1_735_689_600;

async function decoded(token: string): Promise<DecodedToken> {
  const r = await decodeUserSig(token, { now: NOW });
  if (!r.ok) throw new Error(r.problem.code);
  return r.token;
}

async function made(p: SnippetParams): Promise<DecodedToken> {
  const base = { sdkAppId: p.sdkAppId, key: KEY, userId: p.userId, expire: p.expire, now: NOW };
  const g =
    p.privileges === undefined
      ? await generateUserSig(base)
      : await generatePrivateMapKey({ ...base, privileges: p.privileges, ...(p.roomStr !== undefined ? { roomStr: p.roomStr } : { roomId: p.roomId }) });
  if (!g.ok) throw new Error(g.problem.code);
  return decoded(g.userSig);
}

/** Runs the Node snippet with the official library, the key in the environment and the clock at NOW. */
function runNode(code: string): string {
  const env = process.env[KEY_VARIABLE];
  process.env[KEY_VARIABLE] = KEY;
  try {
    return atClock(NOW * 1000, () => new Function('require', 'process', `${code}\nreturn sig;`)(require, process) as string);
  } finally {
    if (env === undefined) delete process.env[KEY_VARIABLE];
    else process.env[KEY_VARIABLE] = env;
  }
}

/** The arguments of the generating call, as literals, in the order the libraries take them. */
function callArgs(code: string): unknown[] {
  const m = /\b(?:gen|Gen)(?:UserSig|PrivateMapKey(?:WithStringRoomID)?)\((.*)\)/.exec(code);
  if (!m) throw new Error(`no call in ${code}`);
  const args = m[1]!.replace(/^\d+, os\.Getenv\("[A-Z_]+"\), /, '');
  // Each literal in turn: a JSON-style string, a PHP single-quoted string, or a number (Java's with L).
  return [...args.matchAll(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\d+L?/g)].map(([lit]) =>
    lit.startsWith('"') ? JSON.parse(lit) : lit.startsWith("'") ? lit.slice(1, -1).replace(/\\([\\'])/g, '$1') : Number(lit.replace('L', '')),
  );
}

const ascii = fc.stringMatching(/^[A-Za-z0-9_-]{1,32}$/);
const paramsArb: fc.Arbitrary<SnippetParams> = fc.oneof(
  fc.record({ sdkAppId: fc.integer({ min: 1_400_000_000, max: 1_600_000_000 }), userId: fc.string({ minLength: 1, maxLength: 20 }), expire: fc.integer({ min: 1, max: 2 ** 31 - 1 }) }),
  fc.record({ sdkAppId: fc.integer({ min: 1_400_000_000, max: 1_600_000_000 }), userId: ascii, expire: fc.integer({ min: 1, max: 2 ** 31 - 1 }), roomId: fc.integer({ min: 1, max: 4_294_967_294 }), privileges: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ sdkAppId: fc.integer({ min: 1_400_000_000, max: 1_600_000_000 }), userId: ascii, expire: fc.integer({ min: 1, max: 2 ** 31 - 1 }), roomStr: fc.stringMatching(/^[ -~]{1,40}$/), privileges: fc.integer({ min: 0, max: 255 }) }),
);

describe('server snippets', () => {
  it('the Node snippet, run with the official library, makes the same token (property)', async () => {
    await fc.assert(
      fc.asyncProperty(paramsArb, async (p) => {
        const token = await made(p);
        const node = serverSnippets(snippetParams(token)).find((s) => s.language === 'node')!;
        const theirs = await decoded(runNode(node.code));
        expect([theirs.sdkAppId, theirs.identifier, theirs.expire, theirs.time]).toEqual([token.sdkAppId, token.identifier, token.expire, token.time]);
        expect(theirs.userbuf?.privileges).toBe(token.userbuf?.privileges);
        expect(theirs.userbuf?.roomId).toBe(token.userbuf?.roomId);
        expect(theirs.userbuf?.roomStr).toBe(token.userbuf?.roomStr);
        // Same fields, same key, same clock: the same signature.
        expect(theirs.sig).toBe(token.sig);
      }),
      { numRuns: 150 },
    );
  });

  it("every snippet's call carries the decoded token's parameters, and never the key (property)", async () => {
    await fc.assert(
      fc.asyncProperty(paramsArb, async (p) => {
        const token = await made(p);
        const params = snippetParams(token);
        const expected: unknown[] = [params.userId, params.expire];
        if (params.privileges !== undefined) expected.push(params.roomStr ?? params.roomId, params.privileges);
        const snippets = serverSnippets(params);
        expect(snippets.map((s) => s.language)).toEqual(['node', 'go', 'java', 'python', 'php', 'csharp']);
        for (const s of snippets) {
          expect(callArgs(s.code), s.language).toEqual(expected);
          expect(s.code).toContain(String(token.sdkAppId));
          expect(s.code).toContain(KEY_VARIABLE);
          expect(s.code).not.toContain(KEY);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('a numeric-room PrivateMapKey uses genPrivateMapKey, a string room the StringRoomID call', async () => {
    const byId = serverSnippets(snippetParams(await made({ sdkAppId: 1400000001, userId: 'alice', expire: 86_400, roomId: 1234, privileges: 42 })));
    expect(byId.find((s) => s.language === 'go')!.code).toContain('tencentyun.GenPrivateMapKey(1400000001, os.Getenv("TLS_SECRET_KEY"), "alice", 86400, 1234, 42)');
    const byStr = serverSnippets(snippetParams(await made({ sdkAppId: 1400000001, userId: 'alice', expire: 86_400, roomStr: "it's", privileges: 42 })));
    expect(byStr.find((s) => s.language === 'php')!.code).toContain("$api->genPrivateMapKeyWithStringRoomID('alice', 86400, 'it\\'s', 42);");
    expect(byStr.find((s) => s.language === 'java')!.code).toContain('api.genPrivateMapKeyWithStringRoomID("alice", 86400L, "it\'s", 42);');
  });
});
