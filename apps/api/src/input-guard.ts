import { BadRequestException } from '@nestjs/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** Deeper than any form or API body needs; deep enough nesting overflows the validator's recursion. */
export const MAX_BODY_DEPTH = 32;

export type InputProblem = 'nul' | 'too_deep';

/**
 * Walks a parsed body, query or params without recursion (a hostile body may be nested thousands deep)
 * and names the first problem: a NUL character, which PostgreSQL cannot store in text, or too much nesting.
 */
export function inputProblem(value: unknown, maxDepth = MAX_BODY_DEPTH): InputProblem | null {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (typeof current === 'string') {
      if (current.includes('\u0000')) return 'nul';
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    if (depth >= maxDepth) return 'too_deep';
    for (const key of Object.keys(current)) {
      if (key.includes('\u0000')) return 'nul';
      stack.push([(current as Record<string, unknown>)[key], depth + 1]);
    }
  }
  return null;
}

/** A NUL given percent-encoded in the path (`%00`) or raw; Fastify decodes params only later. */
export function pathHasNul(url: string): boolean {
  const path = url.split('?')[0];
  return path.includes('\u0000') || /%00/i.test(path);
}

const MESSAGES: Record<InputProblem, string> = {
  nul: 'The request contains a NUL character (\\u0000), which no field accepts.',
  too_deep: `The request body is nested more than ${MAX_BODY_DEPTH} levels deep.`,
};

function refuse(problem: InputProblem): never {
  throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: MESSAGES[problem] });
}

/**
 * Refuses, with 400, input that would otherwise reach a validator or PostgreSQL and fail there with a 500:
 * NUL characters in the path, query or body, and bodies nested beyond MAX_BODY_DEPTH.
 */
export function registerInputGuard(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', async (request: FastifyRequest) => {
    if (pathHasNul(request.url)) refuse('nul');
  });
  fastify.addHook('preValidation', async (request: FastifyRequest) => {
    const problem = inputProblem(request.query) ?? inputProblem(request.body);
    if (problem) refuse(problem);
  });
}
