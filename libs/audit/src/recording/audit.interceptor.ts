import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { Observable, tap } from 'rxjs';
import { AUDIT_ACTION } from './audit-action.decorator';
import { AuditRecorder } from './audit-recorder';

/**
 * Registered for every route (APP_INTERCEPTOR): hands each request, with the handler's `@AuditAction` name, to the
 * recorder, which keeps the organisers' state-changing ones and writes them once the answer shows success. A handler
 * that throws did not succeed, whatever status its error ends up with (a page's 401 is sent as a redirect).
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly recorder: AuditRecorder,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const noted = this.recorder.note(request, this.reflector.get<string | undefined>(AUDIT_ACTION, context.getHandler()));
    return noted ? next.handle().pipe(tap({ error: () => this.recorder.forget(request) })) : next.handle();
  }
}
