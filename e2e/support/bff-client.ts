/**
 * A minimal browser stand-in for Node: keeps the cookies, sends Origin and the CSRF header as the pages do.
 * Used by the integration, conformance and benchmark scripts, which talk to the BFF without Chromium.
 */
export class BffClient {
  private readonly cookies = new Map<string, string>();
  private csrfToken: string | null = null;

  constructor(readonly baseUrl: string) {}

  async request(method: string, path: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json', Origin: this.baseUrl };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (this.csrfToken && method !== 'GET') headers['X-CSRF-Token'] = this.csrfToken;
    if (this.cookies.size) headers.Cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await fetch(new URL(path, this.baseUrl), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      redirect: 'manual',
    });
    this.storeCookies(response.headers.getSetCookie());
    return response;
  }

  async json<T = any>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await this.request(method, path, body);
    const data = await response.json();
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${JSON.stringify(data)}`);
    return data as T;
  }

  async login(username: string, password = 'secret', domain = 'Default'): Promise<Response> {
    const response = await this.request('POST', '/api/auth/login', { domain, username, password });
    if (response.ok) this.csrfToken = ((await response.clone().json()) as { csrfToken: string }).csrfToken;
    return response;
  }

  hasSession(): boolean {
    return this.cookies.has('zenith_session');
  }

  /** The raw session cookie, to replay it after logout. */
  sessionCookie(): string | undefined {
    return this.cookies.get('zenith_session');
  }

  setSessionCookie(value: string): void {
    this.cookies.set('zenith_session', value);
  }

  private storeCookies(setCookies: string[]): void {
    for (const line of setCookies) {
      const [pair = '', ...attributes] = line.split(';');
      const name = pair.slice(0, pair.indexOf('=')).trim();
      const value = pair.slice(pair.indexOf('=') + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || (/^\s*expires=/i.test(a) && Date.parse(a.split('=')[1] ?? '') < Date.now()));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}
