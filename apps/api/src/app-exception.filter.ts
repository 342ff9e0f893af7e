import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { DatabaseUnavailable, isDatabaseUnavailable } from '@dialogdag/database';
import { DomainError, httpStatusFor } from '@dialogdag/shared';
import { errorPageTexts, html, noteFailedRequest, renderPage, resolveLanguage, sendPage, WEB_TEXTS } from '@dialogdag/web';

const REASONS: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 409: 'Conflict',
  413: 'Payload Too Large', 415: 'Unsupported Media Type', 422: 'Unprocessable Entity', 429: 'Too Many Requests',
  500: 'Internal Server Error', 503: 'Service Unavailable',
};

interface ErrorBody {
  statusCode: number;
  error: string;
  message: string | string[];
  code?: string;
  field?: string;
}

/** The one place where errors become HTTP: JSON under /api, pages elsewhere. */
@Catch()
export class AppExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(thrown: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    noteFailedRequest(request);
    // A database that is down or restarting is no fault of the request: 503, try again shortly.
    const unavailable = !(thrown instanceof DomainError) && isDatabaseUnavailable(thrown);
    const exception = unavailable ? new DatabaseUnavailable() : thrown;
    const body = this.toBody(exception);
    const retryAfter = (exception as { retryAfterSeconds?: unknown } | null)?.retryAfterSeconds;
    if ((body.statusCode === 429 || body.statusCode === 503) && typeof retryAfter === 'number') reply.header('Retry-After', String(retryAfter));
    if (unavailable) this.logger.warn(`Database unavailable: ${thrown instanceof Error ? thrown.message : String(thrown)}`);
    else if (body.statusCode >= 500 && body.statusCode !== 503) this.logger.error(exception instanceof Error ? exception.stack ?? exception.message : String(exception));

    const isPage = !request.url.startsWith('/api');
    if (isPage && body.statusCode === 401) {
      reply.status(303).header('Location', `/admin/login?next=${encodeURIComponent(request.url)}`).send();
      return;
    }
    if (isPage) {
      const lang = resolveLanguage(request);
      const { title, text } = errorPageTexts(body.statusCode, lang);
      // A domain error says what happened in the reader's language; anything else gets the status's own sentence.
      const speaks = exception instanceof DomainError && (body.statusCode < 500 || exception.category === 'unavailable');
      const message = speaks ? exception.textIn(lang) : text;
      const home = WEB_TEXTS[lang].errorPage.home;
      sendPage(reply, renderPage({ lang, path: request.url, title, body: html`<h1>${title}</h1><p>${message}</p><p><a href="/">${home}</a></p>` }), body.statusCode);
      return;
    }
    reply.status(body.statusCode).header('Cache-Control', 'no-store').send(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof DomainError) {
      const statusCode = httpStatusFor(exception.category);
      return { statusCode, error: REASONS[statusCode], message: exception.message, code: exception.code, field: exception.field };
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const response = exception.getResponse();
      const message =
        typeof response === 'object' && response !== null && 'message' in response
          ? (response as { message: string | string[] }).message
          : exception.message;
      return { statusCode, error: REASONS[statusCode] ?? 'Error', message };
    }
    const refusedByDatabase = databaseRefusal(exception);
    if (refusedByDatabase) {
      // Input that slipped past a DTO; answered as what it is, and logged so the missing check gets added.
      this.logger.warn(`Input refused by PostgreSQL (${refusedByDatabase.code}): ${(exception as Error).message}`);
      return { statusCode: refusedByDatabase.status, error: REASONS[refusedByDatabase.status], message: refusedByDatabase.message };
    }
    // Errors raised by Fastify itself (unparsable JSON, body too large, wrong content type) carry a statusCode.
    const fastifyStatus = (exception as { statusCode?: number })?.statusCode;
    if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
      const message = fastifyStatus === 413 ? 'The request body is too large.' : (exception as Error).message;
      return { statusCode: fastifyStatus, error: REASONS[fastifyStatus] ?? 'Error', message };
    }
    return { statusCode: 500, error: REASONS[500], message: 'Something went wrong on our side. Please try again.' };
  }
}

/**
 * PostgreSQL errors that only bad input causes: class 22 (data exceptions: a value out of range, text that is no
 * uuid or date, a NUL byte), a NOT NULL or CHECK violation (a required value missing), a unique violation (a
 * duplicate, raced past an earlier check).
 */
function databaseRefusal(exception: unknown): { code: string; status: number; message: string } | null {
  if (!(exception instanceof QueryFailedError)) return null;
  const code = String((exception.driverError as { code?: unknown } | undefined)?.code ?? '');
  if (code.startsWith('22') || code === '23502' || code === '23514') {
    return { code, status: 400, message: 'A value in the request is missing, malformed or out of range.' };
  }
  if (code === '23505') return { code, status: 409, message: 'That already exists.' };
  return null;
}
