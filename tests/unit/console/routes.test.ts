// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { CONSOLE_ORIGINS, REPLICA_PAGES, fulfilConsoleRequest } from '../../fixtures/console/routes.ts';
import { readUserSigFixtures } from '../../fixtures/console/usersig-fixtures.ts';

const fixtures = readUserSigFixtures();

describe('fulfilConsoleRequest', () => {
  it('serves the SPA shell for every /im route of both consoles, in the site language', () => {
    for (const path of ['/im', '/im/', '/im/tool-usersig', '/im/tool-log?rows=5000', '/im/anything/deeper#x']) {
      const zh = fulfilConsoleRequest(`https://console.cloud.tencent.com${path}`);
      const en = fulfilConsoleRequest(`https://console.tencentcloud.com${path}`);
      expect(zh).toMatchObject({ status: 200, contentType: 'text/html; charset=utf-8' });
      expect(zh?.body).toContain('<html lang="zh-CN">');
      expect(en?.body).toContain('<html lang="en">');
    }
  });

  it('serves nothing else', () => {
    for (const url of [
      'https://console.cloud.tencent.com/',
      'https://console.cloud.tencent.com/favicon.ico',
      'https://console.cloud.tencent.com/imx',
      'https://console.cloud.tencent.com/cvm/index',
      'http://console.cloud.tencent.com/im',
      'https://cloud.tencent.com/im',
      'https://example.com/im',
      'not a url',
    ]) {
      expect(fulfilConsoleRequest(url), url).toBeUndefined();
    }
  });

  it('is self-contained: no external script, style, image or font', () => {
    const body = fulfilConsoleRequest(`${CONSOLE_ORIGINS[0]}/im/tool-usersig`)!.body;
    expect(body).not.toMatch(/<script[^>]+src=|<link[^>]+href=|<img|@import|url\(\s*['"]?(https?:|\/\/)/i);
    expect(body).not.toMatch(/\bfetch\(|XMLHttpRequest|WebSocket|sendBeacon|EventSource/);
  });

  it('contains the tokens but none of the SecretKeys of usersigs.json', () => {
    const body = fulfilConsoleRequest(`${CONSOLE_ORIGINS[1]}/im/tool-usersig`)!.body;
    expect(body).toContain(fixtures.tokens.valid.token);
    for (const key of [...fixtures.apps.map((a) => a.secretKey), fixtures.wrongKey, ...Object.values(fixtures.tokens).map((t) => t.key)]) {
      expect(body).not.toContain(key);
    }
  });
});

describe('REPLICA_PAGES', () => {
  it('lists the tool pages of both languages, served by fulfilConsoleRequest', () => {
    for (const lang of ['zh', 'en'] as const) {
      const tools = new Set(REPLICA_PAGES.filter((p) => p.lang === lang && !p.broken).flatMap((p) => p.tools));
      expect([...tools].sort()).toEqual(['offline-push', 'troubleshooting-log', 'user-status', 'usersig-generator', 'usersig-verifier']);
      expect(REPLICA_PAGES.some((p) => p.lang === lang && p.broken)).toBe(true);
    }
    for (const p of REPLICA_PAGES) expect(fulfilConsoleRequest(p.url), p.url).toBeDefined();
  });
});

describe('usersigs.json', () => {
  it('records how every token was made', () => {
    for (const [name, t] of Object.entries(fixtures.tokens)) {
      expect(t.key, name).toMatch(/^[0-9a-f]{64}$/);
      expect(t.sdkAppId, name).toBeGreaterThan(1400000000);
      expect(t.userId, name).toMatch(/^\w+$/);
      expect(Number.isInteger(t.time) && Number.isInteger(t.expire), name).toBe(true);
      expect(t.token, name).toMatch(/^eJ[A-Za-z0-9*_-]+$/);
    }
    expect(fixtures.tokens.truncated.token).toBe(fixtures.tokens.valid.token.slice(0, fixtures.tokens.valid.token.length >> 1));
    expect(fixtures.tokens.expired.time + fixtures.tokens.expired.expire).toBeLessThan(Date.now() / 1000);
    expect(fixtures.tokens.valid.time + fixtures.tokens.valid.expire).toBeGreaterThan(Date.now() / 1000 + 40 * 365 * 86400);
    expect(fixtures.tokens.privateMapKey).toMatchObject({ kind: 'privatemapkey', roomId: 1234, privilegeMap: 255 });
  });

  it('decodes to the recorded fields (deflated JSON in Tencent base64)', async () => {
    const { inflateSync } = await import('node:zlib');
    for (const name of ['valid', 'expired', 'otherUser', 'otherApp', 'wrongKey', 'privateMapKey'] as const) {
      const t = fixtures.tokens[name];
      const b64 = t.token.replace(/\*/g, '+').replace(/-/g, '/').replace(/_/g, '=');
      const doc = JSON.parse(inflateSync(Buffer.from(b64, 'base64')).toString('utf8'));
      expect(doc, name).toMatchObject({ 'TLS.ver': '2.0', 'TLS.identifier': t.userId, 'TLS.sdkappid': t.sdkAppId, 'TLS.time': t.time, 'TLS.expire': t.expire });
      expect('TLS.userbuf' in doc, name).toBe(name === 'privateMapKey');
    }
  });
});
