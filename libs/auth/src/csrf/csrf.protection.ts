import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { newSecretToken, safeEqual } from '@dialogdag/shared';
import { badCsrfToken, crossOriginRequest } from '../auth.errors';
import { AuthenticatedOrganiser, AuthService } from '../auth.service';
import { SessionCookies } from '../session-cookie';
import { originVerdict } from './csrf.rules';

const header = (request: FastifyRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/**
 * CSRF protection for everything the session cookie authenticates, whatever the content type: the request must
 * not come from another origin (Origin / Sec-Fetch-Site), and must carry the session's token, as the `_csrf` form
 * field or the `X-CSRF-Token` header. Bearer-token calls carry no cookie a browser would add, so need neither.
 */
@Injectable()
export class CsrfProtection {
  constructor(
    private readonly auth: AuthService,
    private readonly cookies: SessionCookies,
  ) {}

  assertSameOrigin(request: FastifyRequest): void {
    const verdict = originVerdict({
      origin: header(request, 'origin'),
      secFetchSite: header(request, 'sec-fetch-site'),
      allowedOrigins: this.cookies.allowedOrigins(request),
    });
    if (verdict === 'cross-origin') throw crossOriginRequest();
  }

  async assertSessionRequest(request: FastifyRequest, organiser: AuthenticatedOrganiser): Promise<void> {
    this.assertSameOrigin(request);
    if (!(await this.auth.checkCsrfToken(organiser, submittedToken(request)))) throw badCsrfToken();
  }

  /**
   * The login form's token: before there is a session it is bound to a random pre-session cookie, so a page
   * elsewhere cannot log a visitor in to an account of its choosing.
   */
  async loginFormToken(request: FastifyRequest, reply: FastifyReply): Promise<string> {
    let basis = this.cookies.readLogin(request);
    if (!basis || basis.length < 32) {
      basis = newSecretToken();
      this.cookies.setLogin(request, reply, basis);
    }
    return this.auth.keyedDigest('login', basis);
  }

  async assertLoginForm(request: FastifyRequest): Promise<void> {
    this.assertSameOrigin(request);
    const basis = this.cookies.readLogin(request);
    const submitted = submittedToken(request);
    if (!basis || typeof submitted !== 'string' || !safeEqual(submitted, await this.auth.keyedDigest('login', basis))) throw badCsrfToken();
  }
}

/** The token from the `X-CSRF-Token` header, else from a parsed form's `_csrf` field; a text/plain body has none. */
export function submittedToken(request: FastifyRequest): unknown {
  const fromHeader = header(request, 'x-csrf-token');
  if (fromHeader) return fromHeader;
  const body = request.body;
  return body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>)._csrf : undefined;
}
