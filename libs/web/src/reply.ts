import { BadRequestException } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

/** Sends a rendered page; pages are personal or form-bearing, so never cached. */
export function sendPage(reply: FastifyReply, page: string, status = 200): FastifyReply {
  return reply
    .status(status)
    .header('Content-Type', 'text/html; charset=utf-8')
    .header('Cache-Control', 'no-store')
    .send(page);
}

/**
 * A value made safe for a header: control characters (CR/LF would split the header) are refused with 400, and
 * anything outside printable ASCII is percent-encoded, as Node refuses it in a header (a 500 otherwise).
 */
export function headerSafeLocation(location: string): string {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(location)) {
    throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: 'A line break or control character cannot be part of an address.' });
  }
  try {
    return location.replace(/[^\u0021-\u007e]+/g, (run) => encodeURIComponent(run));
  } catch {
    throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: 'The address is not valid Unicode.' });
  }
}

/** Post/Redirect/Get: 303 so the browser fetches the result page with GET. */
export function redirectTo(reply: FastifyReply, location: string): FastifyReply {
  return reply.status(303).header('Location', headerSafeLocation(location)).header('Cache-Control', 'no-store').send();
}
