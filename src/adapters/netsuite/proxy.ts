/**
 * Proxies from the environment, as curl and most tools read them: HTTPS_PROXY, HTTP_PROXY and
 * NO_PROXY in either case. Node 20's fetch ignores them, so requests then go through undici's
 * EnvHttpProxyAgent (undici 7, which supports Node 20), loaded only when a proxy is set.
 */
export interface ProxySettings {
  httpsProxy?: string;
  httpProxy?: string;
  noProxy?: string;
}

/** The proxy settings an environment holds (lower case wins, as curl reads them), or undefined. */
export function proxyFromEnv(env: NodeJS.ProcessEnv): ProxySettings | undefined {
  const pick = (name: string) => (env[name.toLowerCase()] ?? env[name.toUpperCase()])?.trim() || undefined;
  const s: ProxySettings = { httpsProxy: pick('https_proxy'), httpProxy: pick('http_proxy'), noProxy: pick('no_proxy') };
  return s.httpsProxy || s.httpProxy ? s : undefined;
}

/** The proxy a request to `url` goes through, or undefined when it goes direct (NO_PROXY, or none for its scheme). */
export function proxyFor(settings: ProxySettings | undefined, url: string): string | undefined {
  if (!settings) return undefined;
  const u = new URL(url);
  const proxy = u.protocol === 'https:' ? settings.httpsProxy ?? settings.httpProxy : settings.httpProxy;
  if (!proxy) return undefined;
  const host = u.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const bypass = (settings.noProxy ?? '').split(/[\s,]+/).filter(Boolean).some((entry) => {
    if (entry === '*') return true;
    const [name, port] = entry.toLowerCase().split(':');
    if (port && port !== (u.port || (u.protocol === 'https:' ? '443' : '80'))) return false;
    const bare = name.replace(/^\*?\./, '');
    return host === bare || host.endsWith(`.${bare}`);
  });
  return bypass ? undefined : proxy;
}

type Fetch = typeof fetch;

/** A fetch that honours the settings (undici's, through EnvHttpProxyAgent), or the global fetch when there are none. */
export function createProxyFetch(settings: ProxySettings | undefined): Fetch {
  if (!settings) return fetch;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const undici = require('undici') as typeof import('undici');
  // proxyTunnel false: plain-HTTP targets go to the proxy in absolute form, as classic proxies
  // expect; HTTPS targets are tunnelled with CONNECT.
  const dispatcher = new undici.EnvHttpProxyAgent({ httpProxy: settings.httpProxy, httpsProxy: settings.httpsProxy, noProxy: settings.noProxy ?? '', proxyTunnel: false } as never);
  return ((input: string, init: RequestInit) => undici.fetch(input, { ...(init as object), dispatcher } as never)) as unknown as Fetch;
}
