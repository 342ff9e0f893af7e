import type { FastifyReply } from 'fastify';

/** Sends a rendered page; pages are personal or form-bearing, so never cached. */
export function sendPage(reply: FastifyReply, page: string, status = 200): FastifyReply {
  return reply
    .status(status)
    .header('Content-Type', 'text/html; charset=utf-8')
    .header('Cache-Control', 'no-store')
    .send(page);
}

/** Post/Redirect/Get: 303 so the browser fetches the result page with GET. */
export function redirectTo(reply: FastifyReply, location: string): FastifyReply {
  return reply.status(303).header('Location', location).header('Cache-Control', 'no-store').send();
}
