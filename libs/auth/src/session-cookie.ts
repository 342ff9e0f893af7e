import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '@dialogdag/config';

/** On plain http (a laptop, localhost): the `__Host-` prefix needs Secure, which http cannot have. */
export const SESSION_COOKIE = 'dialogdag_session';
/** On https: `__Host-` makes the browser refuse the cookie unless Secure, for this host only, path `/`. */
export const SECURE_SESSION_COOKIE = '__Host-dialogdag_session';
const LOGIN_COOKIE = 'dialogdag_login';
const SECURE_LOGIN_COOKIE = '__Host-dialogdag_login';

/**
 * The session and pre-login cookies, named by whether the browser talks https to us: the request came over
 * https (as seen through a proxy TRUST_PROXY names), or PUBLIC_URL is https (TLS ends at a proxy in front).
 */
@Injectable()
export class SessionCookies {
  constructor(private readonly app: AppConfig) {}

  isSecure(request: FastifyRequest): boolean {
    return request.protocol === 'https' || this.app.publicBaseUrl().startsWith('https://');
  }

  /** Over https only the `__Host-` cookie counts: a plain one may have been planted by a neighbour or over http. */
  readSession(request: FastifyRequest): string | undefined {
    return request.cookies?.[this.isSecure(request) ? SECURE_SESSION_COOKIE : SESSION_COOKIE];
  }

  setSession(request: FastifyRequest, reply: FastifyReply, value: string, expiresAt: Date): void {
    const secure = this.isSecure(request);
    reply.setCookie(secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE, value, { path: '/', httpOnly: true, sameSite: 'lax', secure, expires: expiresAt });
  }

  clearSession(request: FastifyRequest, reply: FastifyReply): void {
    const secure = this.isSecure(request);
    reply.clearCookie(secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure });
  }

  readLogin(request: FastifyRequest): string | undefined {
    return request.cookies?.[this.isSecure(request) ? SECURE_LOGIN_COOKIE : LOGIN_COOKIE];
  }

  /** The pre-session cookie the login form's token is bound to (lives as long as a login page may stay open). */
  setLogin(request: FastifyRequest, reply: FastifyReply, value: string): void {
    const secure = this.isSecure(request);
    reply.setCookie(secure ? SECURE_LOGIN_COOKIE : LOGIN_COOKIE, value, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: 2 * 3600 });
  }

  /** Our own origins: the one the request was addressed to, and PUBLIC_URL's. */
  allowedOrigins(request: FastifyRequest): string[] {
    return [`${request.protocol}://${request.host}`, this.app.publicBaseUrl()];
  }
}
