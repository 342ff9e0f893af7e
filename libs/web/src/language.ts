import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { isLanguage, Language } from '@dialogdag/shared';

interface LanguageSource {
  query?: unknown;
  cookies?: Record<string, string | undefined>;
  headers: Record<string, string | string[] | undefined>;
}

/** ?lang= wins, then the lang cookie, then Accept-Language; Swedish by default. */
export function resolveLanguage(request: LanguageSource): Language {
  const query = (request.query ?? {}) as Record<string, unknown>;
  if (isLanguage(query.lang)) return query.lang;
  const cookie = request.cookies?.lang;
  if (isLanguage(cookie)) return cookie;
  const accept = String(request.headers['accept-language'] ?? '').toLowerCase();
  const preferred = accept
    .split(',')
    .map((part) => part.trim().slice(0, 2))
    .find((code) => code === 'sv' || code === 'en');
  return preferred === 'en' ? 'en' : 'sv';
}

/** The language of the page being served. */
export const Lang = createParamDecorator((_: unknown, context: ExecutionContext): Language =>
  resolveLanguage(context.switchToHttp().getRequest()),
);

/** Texts for a page, in both languages; the shape is checked by TypeScript. */
export type Texts<T> = Record<Language, T>;

/**
 * A catalogue's shape with its texts widened: the Swedish catalogue is written as a const object and
 * the English one is typed `CatalogueShape<typeof sv>`, so a key missing in either fails the type-check.
 */
export type CatalogueShape<T> = {
  [K in keyof T]: T[K] extends string
    ? string
    : T[K] extends (...args: infer A) => string
      ? (...args: A) => string
      : CatalogueShape<T[K]>;
};
