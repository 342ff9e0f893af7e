import { FormStamp } from '@dialogdag/auth';
import { TestApp } from './test-app';

/** A back-office session as a browser has it: the session cookie, and the CSRF token its forms carry. */
export class PageSession {
  private constructor(
    private readonly test: TestApp,
    private readonly cookie: string,
  ) {}

  static async login(test: TestApp, email: string, password: string): Promise<PageSession> {
    const login = await fetch(`${test.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (login.status !== 200) throw new Error(`login failed: ${login.status}`);
    return new PageSession(test, (login.headers.get('set-cookie') ?? '').split(';')[0]);
  }

  async get(path: string): Promise<{ status: number; html: string; location: string | null }> {
    const response = await fetch(this.test.url + path, { redirect: 'manual', headers: { cookie: this.cookie } });
    return { status: response.status, html: await response.text(), location: response.headers.get('location') };
  }

  /** Posts a form as the page at `formPage` would, with its CSRF token. */
  async post(formPage: string, action: string, fields: Record<string, string>): Promise<{ status: number; html: string; location: string | null }> {
    const csrf = /name="_csrf" value="([^"]+)"/.exec((await this.get(formPage)).html)?.[1];
    if (!csrf) throw new Error(`no CSRF token on ${formPage}`);
    const response = await fetch(this.test.url + action, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: this.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf, ...fields }).toString(),
    });
    return { status: response.status, html: await response.text(), location: response.headers.get('location') };
  }
}

/** The text of the element with this id, tags stripped, entities of the html template decoded. */
export function textOf(html: string, id: string): string | null {
  const match = new RegExp(`id="${id.replace(/[.]/g, '\\.')}"[^>]*>([\\s\\S]*?)</`).exec(html);
  return match ? match[1].replace(/<[^>]+>/g, '').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').trim() : null;
}

/** The public registration form's hidden fields as a browser sends them: an empty honeypot and a fresh signed stamp. */
export async function publicFormStamp(test: TestApp): Promise<Record<string, string>> {
  return { website: '', _stamp: await test.app.get(FormStamp).issue() };
}
