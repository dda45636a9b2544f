/**
 * Signing in to the console over plain HTTP, the way a browser does: GET /sign-in for the form
 * and its CSRF token, POST it, follow the redirects to the identity provider, choose the demo
 * account on its page, and follow the redirects back to the console's callback. What comes out
 * is the console's session cookie, earned through the real flow (PKCE, state, code exchange).
 */

/** Cookies per origin (scheme, host and port), enough for two loopback servers on one host. */
export class CookieJar {
  private readonly byOrigin = new Map<string, Map<string, string>>();

  header(url: URL): string {
    return [...(this.byOrigin.get(url.origin) ?? new Map<string, string>())]
      .map(([name, value]) => `${name}=${value}`)
      .join('; ');
  }

  store(url: URL, response: Response): void {
    const cookies = this.byOrigin.get(url.origin) ?? new Map<string, string>();
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';').map((part) => part.trim());
      const separator = pair.indexOf('=');
      const name = pair.slice(0, separator);
      const expired = attributes.some(
        (attribute) =>
          /^max-age=0$/i.test(attribute) ||
          (/^expires=/i.test(attribute) && Date.parse(attribute.slice(8)) < Date.now()),
      );
      if (expired) cookies.delete(name);
      else cookies.set(name, pair.slice(separator + 1));
    }
    this.byOrigin.set(url.origin, cookies);
  }

  get(origin: string, name: string): string | undefined {
    return this.byOrigin.get(origin)?.get(name);
  }
}

/** One request with the jar's cookies, redirects not followed (each hop may set cookies). */
async function send(
  jar: CookieJar,
  url: URL,
  init: { method?: string; form?: Record<string, string> } = {},
): Promise<{ response: Response; body: string }> {
  const headers: Record<string, string> = { cookie: jar.header(url) };
  if (init.form) headers['content-type'] = 'application/x-www-form-urlencoded';
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    headers,
    body: init.form ? new URLSearchParams(init.form).toString() : undefined,
    redirect: 'manual',
  });
  jar.store(url, response);
  return { response, body: await response.text() };
}

function formOf(html: string): { action: string; fields: Record<string, string> } | null {
  const form = /<form[^>]*method="post"[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/i.exec(html);
  if (!form) return null;
  const fields: Record<string, string> = {};
  for (const input of form[2].matchAll(/<input[^>]*type="hidden"[^>]*name="([^"]+)"[^>]*value="([^"]*)"/gi))
    fields[input[1]] = input[2];
  return { action: form[1].replace(/&amp;/g, '&'), fields };
}

/** Signs `account` in at the console; returns the jar holding the console's session cookie. */
export async function signInThroughConsole(consoleUrl: string, account: string): Promise<CookieJar> {
  const jar = new CookieJar();
  const home = new URL(consoleUrl);
  const page = await send(jar, new URL('/sign-in', home));
  const start = formOf(page.body);
  if (page.response.status !== 200 || !start?.fields['_csrf'])
    throw new Error(`the console's sign-in page has no form with a CSRF token (HTTP ${page.response.status})`);
  let current = await send(jar, new URL(start.action, home), { method: 'POST', form: start.fields });
  let url = new URL(start.action, home);
  for (let hop = 0; hop < 20; hop++) {
    const status = current.response.status;
    if (status >= 300 && status < 400) {
      url = new URL(current.response.headers.get('location') ?? '/', url);
      // Back at the console past its callback: signed in.
      if (url.origin === home.origin && !url.pathname.startsWith('/auth/') && hop > 0) return jar;
      current = await send(jar, url);
      continue;
    }
    const chooser = status === 200 ? formOf(current.body) : null;
    if (chooser && current.body.includes('name="account"')) {
      if (!current.body.includes(`value="${account}"`))
        throw new Error(`the identity provider offers no demo account "${account}"`);
      url = new URL(chooser.action, url);
      current = await send(jar, url, { method: 'POST', form: { ...chooser.fields, account } });
      continue;
    }
    throw new Error(`sign-in stopped at ${url.pathname} with HTTP ${status}`);
  }
  throw new Error('sign-in did not come back to the console within 20 redirects');
}
