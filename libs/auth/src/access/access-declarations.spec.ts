import { Controller, Get, Module, Post, Type } from '@nestjs/common';
import { DiscoveryModule, NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { AccessDeclarations } from './access-declarations';
import { PublicRoute, Requires, SignedIn } from './access.decorators';
import { AccessRegistry } from './access.registry';

/** A tiny app with just the access declarations: what it says at start-up about the controllers it is given. */
async function startWith(controllers: Type[], register: (registry: AccessRegistry) => void = () => undefined) {
  @Module({ imports: [DiscoveryModule], controllers, providers: [AccessRegistry, AccessDeclarations] })
  class TinyModule {}
  const app = await NestFactory.create(TinyModule, new FastifyAdapter(), { logger: false, abortOnError: false });
  register(app.get(AccessRegistry));
  return app;
}

@PublicRoute()
@Controller('things')
class Declared {
  @Get()
  list() {
    return [];
  }

  @Post(':id/change')
  @Requires('conference.edit')
  change() {
    return {};
  }

  @Get('mine')
  @SignedIn()
  mine() {
    return [];
  }
}

@Controller('undeclared')
class Undeclared {
  @Get(':id')
  read() {
    return {};
  }

  @Post()
  @SignedIn()
  create() {
    return {};
  }
}

@Controller('claims')
class KeyedByOther {
  @Get(':claimId')
  @Requires('claims.review')
  read() {
    return {};
  }

  @Get(':claimId/receipt')
  @Requires('claims.review', { conference: 'claim' })
  receipt() {
    return {};
  }
}

const lookup = (registry: AccessRegistry) => registry.setMembershipLookup({ roleOf: async () => null });

describe('access declarations at start-up', () => {
  it('start an app whose every route declares its access, and know each route', async () => {
    const app = await startWith([Declared], lookup);
    await app.init();
    const declarations = app.get(AccessDeclarations);
    expect(declarations.routes().map((r) => `${r.method} ${r.path} ${r.access?.kind}`).sort()).toEqual([
      'GET /things public', 'GET /things/mine signed-in', 'POST /things/:id/change conference',
    ]);
    expect(declarations.accessFor('GET', '/things/mine')).toEqual({ kind: 'signed-in' });
    expect(declarations.roleMay('viewer', 'POST', '/things/abc/change')).toBe(false);
    expect(declarations.roleMay('organiser', 'POST', '/things/abc/change')).toBe(true);
    expect(declarations.roleMay('viewer', 'GET', '/nowhere')).toBe(false);
    await app.close();
  });

  it('refuse to start with a route that declares nothing, naming it', async () => {
    const app = await startWith([Declared, Undeclared], lookup);
    await expect(app.init()).rejects.toThrow(/GET \/undeclared\/:id \(Undeclared\.read\) declares no access/);
    await app.close();
  });

  it('refuse a conference permission that cannot find its conference, and a resolver nobody registered', async () => {
    const app = await startWith([KeyedByOther], lookup);
    const init = app.init();
    await expect(init).rejects.toThrow(/GET \/claims\/:claimId \(KeyedByOther\.read\) requires claims\.review but has no :id parameter/);
    await expect(init).rejects.toThrow(/names the resolver "claim", which no module registered/);
    await app.close();
  });

  it('start once the resolver is registered', async () => {
    const app = await startWith([Declared], (registry) => {
      lookup(registry);
      registry.addConferenceResolver('claim', async () => null);
    });
    await app.init();
    await app.close();
  });

  it('refuse conference permissions without a membership lookup', async () => {
    const app = await startWith([Declared]);
    await expect(app.init()).rejects.toThrow(/no membership lookup is registered/);
    await app.close();
  });
});
