// Debian's Chromium, as every Playwright run here launches it (never a downloaded browser).
export const CHROMIUM = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  // Belt and braces for the network guard: no host name resolves, so nothing that escapes
  // interception can leave the machine. Routed (fulfilled) requests never resolve a host.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost',
];

/** The flags plus the unpacked extension to load. */
export function chromiumArgsWithExtension(extensionDir: string): string[] {
  return [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`, ...CHROMIUM_ARGS];
}
