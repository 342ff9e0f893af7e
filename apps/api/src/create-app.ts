import fastifyCookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { RateCounter } from '@dialogdag/auth';
import { Config } from '@dialogdag/config';
import { Clock, isLanguage } from '@dialogdag/shared';
import { AppExceptionFilter } from './app-exception.filter';
import { AppModule } from './app.module';
import { attachDrain, HttpDrain } from './drain';
import { createLogger, PinoLoggerService, QuietStartUpLogger, registerRequestLog } from './logging';
import { registerPublicRateLimit } from './public-rate-limit';
import { registerInputGuard } from './input-guard';
import { registerSecurityHeaders } from './security-headers';

export interface CreateAppOptions {
  config: Config;
  databaseUrl: string;
  clock: Clock;
}

const BODY_LIMIT_BYTES = 256 * 1024;
const SECRET_LINK_PATHS = ['/r/', '/api/public/registrations/', '/admin/password-reset/', '/invitations/', '/api/invitations/'];
/** Uploads (a travel receipt) are one file of at most 5 MB; bigger ones are refused with 413. */
const UPLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

/** Turns class-validator errors into sentences that name the field, nested ones by path. */
export function validationMessages(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) =>
      message.startsWith(path) || message.startsWith(error.property) && !parent ? message : `${path}: ${message}`,
    );
    return [...own, ...validationMessages(error.children ?? [], path)];
  });
}

/** Builds the whole HTTP application; used by main.ts and by the end-to-end tests alike. */
export async function createApp(options: CreateAppOptions): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({ bodyLimit: BODY_LIMIT_BYTES, trustProxy: options.config.app.trustProxy });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot({ config: options.config, databaseUrl: options.databaseUrl, clock: options.clock }),
    adapter,
    { bufferLogs: true },
  );
  // Readable lines for a person at a terminal, JSON for everything else.
  const logger = createLogger(options.config.app.logLevel, Boolean(process.stdout.isTTY));
  app.useLogger(new QuietStartUpLogger(new PinoLoggerService(logger)));
  registerRequestLog(app.getHttpAdapter().getInstance(), logger);
  // First of all hooks: during a shutdown nothing else runs for a request that arrives.
  attachDrain(app, new HttpDrain(app.getHttpAdapter().getInstance(), app.getHttpServer()));
  await app.register(fastifyCookie);
  registerInputGuard(app.getHttpAdapter().getInstance());
  await app.register(multipart, { limits: { fileSize: UPLOAD_LIMIT_BYTES, files: 1, fields: 100, fieldSize: 64 * 1024 } });
  // A language chosen with ?lang= sticks for the following pages (and the redirect after a form).
  app.getHttpAdapter().getInstance().addHook('onRequest', async (request, reply) => {
    const lang = (request.query as Record<string, unknown> | undefined)?.lang;
    if (isLanguage(lang) && request.cookies.lang !== lang) {
      reply.setCookie('lang', lang, { path: '/', sameSite: 'lax', httpOnly: true, maxAge: 365 * 86400 });
    }
  });
  registerSecurityHeaders(app.getHttpAdapter().getInstance(), {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        // Plain-http installations (a laptop, an intranet) must keep working.
        upgradeInsecureRequests: null,
      },
    },
    // No address ever leaves for another site; within the site, browsers then send a real Origin with form posts
    // (under no-referrer they send `Origin: null`), which the CSRF check reads.
    referrerPolicy: { policy: 'same-origin' },
  });
  // Pages whose address is a secret (personal links, password-reset links) send no Referer at all.
  app.getHttpAdapter().getInstance().addHook('onRequest', async (request, reply) => {
    if (SECRET_LINK_PATHS.some((prefix) => request.url.startsWith(prefix))) reply.header('Referrer-Policy', 'no-referrer');
  });
  registerPublicRateLimit(app.getHttpAdapter().getInstance(), app.get(RateCounter), options.config.app.publicRateLimitPerMinute);
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      transform: true,
      exceptionFactory: (errors) =>
        new BadRequestException({ statusCode: 400, error: 'Bad Request', message: validationMessages(errors) }),
    }),
  );
  app.useGlobalFilters(new AppExceptionFilter());

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Dialogdag API')
      .setDescription('Planning and registration for one-day regional dialogue conferences. Times are ISO 8601 in Europe/Stockholm; money is integer öre.')
      .setVersion('0.1.0')
      .addBearerAuth()
      .addCookieAuth('dialogdag_session')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  await app.init();
  return app;
}
