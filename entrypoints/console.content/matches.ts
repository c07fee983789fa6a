import { FEATURE_HOSTS } from '../../lib/console/urls.ts';

/**
 * The console hosts, whole: a console is one single-page app across products, so a user reaching
 * a tool from /cvm or the home never loads a tool URL. Install prompts name hosts, not paths, so
 * this asks for nothing wider; features start only on tool routes (lib/console/urls.ts isFeatureUrl).
 */
export const CONSOLE_MATCHES = FEATURE_HOSTS.map((host) => `https://${host}/*`);
