import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { httpStatusFor } from '@dialogdag/shared';
import { noteFailedRequest } from '@dialogdag/web';
import { RecipientCountChanged } from './messages.errors';

/** The API's 409 for a stale confirmation carries the current count, so a client can show it and ask again. */
@Catch(RecipientCountChanged)
export class RecipientCountFilter implements ExceptionFilter {
  catch(error: RecipientCountChanged, host: ArgumentsHost): void {
    const statusCode = httpStatusFor(error.category);
    noteFailedRequest(host.switchToHttp().getRequest());
    host
      .switchToHttp()
      .getResponse<FastifyReply>()
      .status(statusCode)
      .header('Cache-Control', 'no-store')
      .send({ statusCode, error: 'Conflict', message: error.message, code: error.code, field: error.field, recipientCount: error.recipientCount });
  }
}
