/**
 * Risky tokens made by Tencent's own Node library (tls-sig-api-v2 1.0.2) for the popup's lint
 * paths, in both runners (tests/e2e/popup-lint.spec.ts, tests/firefox/checks/popup-lint.ts).
 */
import { createRequire } from 'node:module';

interface OfficialApi {
  genUserSig(userid: string, expire: number): string;
  genPrivateMapKeyWithStringRoomID(userid: string, expire: number, roomstr: string, privilegeMap: number): string;
}
const TLSSigAPIv2 = createRequire(import.meta.url)('tls-sig-api-v2') as { Api: new (sdkappid: number, key: string) => OfficialApi };

const SDKAPPID = 1400000001;
const KEY = '5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e';
const TIME_MS = 1_735_689_600_000;

/** The library reads `Date.now()`; frozen so every run makes the same tokens. */
function atClock<T>(fn: () => T): T {
  const real = Date.now;
  Date.now = () => TIME_MS;
  try {
    return fn();
  } finally {
    Date.now = real;
  }
}
const api = () => new TLSSigAPIv2.Api(SDKAPPID, KEY);

export const LINT_TOKENS = atClock(() => ({
  /** Validity 86400.5: signed as it is, refused by the schema. */
  fractional: api().genUserSig('alice', 86_400.5),
  /** Validity 0 and a UserID with characters TRTC refuses. */
  zeroEmail: api().genUserSig('alice@example.com', 0),
  /** Every privilege, account and room written as low bytes: Zürich and Café read back as Latin-1. */
  zurich: api().genPrivateMapKeyWithStringRoomID('Zürich', 15_552_000, 'Café', 255),
  /** Nothing to say: 7 days, a plain UserID. */
  clean: api().genUserSig('alice_01', 604_800),
}));

/** A token issued in 2100, ahead of any clock the tests run on (clock skew). */
export const FUTURE_TOKEN = (() => {
  const real = Date.now;
  Date.now = () => 4_102_444_800_000;
  try {
    return api().genUserSig('alice', 604_800);
  } finally {
    Date.now = real;
  }
})();
