import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiCreatedResponse, ApiForbiddenResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CreateApiTokenDto, CreateOrganiserDto, LoginDto, LoginView, OrganiserView, ApiTokenCreatedView } from './auth.dto';
import { AuthenticatedOrganiser, AuthService } from './auth.service';
import { CsrfProtection } from './csrf/csrf.protection';
import { LoginService } from './login.service';
import { CurrentOrganiser } from './organiser.guard';
import { PlatformAdmin, PublicRoute, SignedIn } from './access/access.decorators';
import { SessionCookies } from './session-cookie';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly logins: LoginService,
    private readonly cookies: SessionCookies,
    private readonly csrf: CsrfProtection,
  ) {}

  @Post('login')
  @PublicRoute()
  @HttpCode(200)
  @ApiOkResponse({ type: LoginView, description: 'Sets the session cookie; send `csrfToken` as X-CSRF-Token with cookie-authenticated changes. 429 with Retry-After after too many attempts.' })
  async login(@Body() body: LoginDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<LoginView> {
    this.csrf.assertSameOrigin(request);
    const { organiser, cookieValue, expiresAt, csrfToken } = await this.logins.login({
      email: body.email, password: body.password, clientAddress: request.ip, previousSession: this.cookies.readSession(request),
    });
    this.cookies.setSession(request, reply, cookieValue, expiresAt);
    return { id: organiser.id, email: organiser.email, name: organiser.name, isPlatformAdmin: organiser.isPlatformAdmin, csrfToken };
  }

  /** Ends this session; with a live session, only from our own pages with its token (no logout by another site). */
  @Post('logout')
  @PublicRoute()
  @HttpCode(204)
  async logout(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    const cookie = this.cookies.readSession(request);
    const organiser = await this.auth.authenticateSession(cookie);
    if (organiser) await this.csrf.assertSessionRequest(request, organiser);
    await this.auth.logout(cookie);
    this.cookies.clearSession(request, reply);
  }

  @Post('logout-everywhere')
  @HttpCode(204)
  @SignedIn()
  @ApiCookieAuth()
  @ApiBearerAuth()
  async logoutEverywhere(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.auth.logoutEverywhere(organiser.id);
    this.cookies.clearSession(request, reply);
  }

  @Get('me')
  @SignedIn()
  @ApiCookieAuth()
  @ApiBearerAuth()
  @ApiOkResponse({ type: OrganiserView })
  me(@CurrentOrganiser() organiser: AuthenticatedOrganiser): OrganiserView {
    return { id: organiser.id, email: organiser.email, name: organiser.name, isPlatformAdmin: organiser.isPlatformAdmin };
  }

  @Post('organisers')
  @PlatformAdmin()
  @ApiCookieAuth()
  @ApiBearerAuth()
  @ApiCreatedResponse({ type: OrganiserView, description: 'Creates another organiser account (platform administrators only; others are invited to a conference).' })
  @ApiForbiddenResponse({ description: 'Not a platform administrator.' })
  async createOrganiser(@Body() body: CreateOrganiserDto): Promise<OrganiserView> {
    const organiser = await this.auth.createOrganiser(body);
    return { id: organiser.id, email: organiser.email, name: organiser.name, isPlatformAdmin: organiser.isPlatformAdmin };
  }

  @Post('tokens')
  @SignedIn()
  @ApiCookieAuth()
  @ApiBearerAuth()
  @ApiCreatedResponse({ type: ApiTokenCreatedView })
  async createToken(
    @CurrentOrganiser() organiser: AuthenticatedOrganiser,
    @Body() body: CreateApiTokenDto,
  ): Promise<ApiTokenCreatedView> {
    const { token, secret } = await this.auth.createApiToken(organiser.id, body.name);
    return { id: token.id, name: token.name, token: secret };
  }

  @Get('tokens')
  @SignedIn()
  @ApiCookieAuth()
  @ApiBearerAuth()
  async listTokens(@CurrentOrganiser() organiser: AuthenticatedOrganiser) {
    const items = await this.auth.listApiTokens(organiser.id);
    return { items, total: items.length };
  }

  @Delete('tokens/:id')
  @HttpCode(204)
  @SignedIn()
  @ApiCookieAuth()
  @ApiBearerAuth()
  async revokeToken(
    @CurrentOrganiser() organiser: AuthenticatedOrganiser,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<void> {
    await this.auth.revokeApiToken(organiser.id, id);
  }
}
