import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CreateApiTokenDto, CreateOrganiserDto, LoginDto, OrganiserView, ApiTokenCreatedView } from './auth.dto';
import { AuthenticatedOrganiser, AuthService, SESSION_COOKIE } from './auth.service';
import { CurrentOrganiser, OrganiserGuard } from './organiser.guard';

export function setSessionCookie(reply: FastifyReply, value: string, expiresAt: Date): void {
  reply.setCookie(SESSION_COOKIE, value, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: 'auto',
    expires: expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: OrganiserView, description: 'Sets the session cookie.' })
  async login(@Body() body: LoginDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<OrganiserView> {
    const { organiser, cookieValue, expiresAt } = await this.auth.login(body.email, body.password);
    setSessionCookie(reply, cookieValue, expiresAt);
    return { id: organiser.id, email: organiser.email, name: organiser.name };
  }

  @Post('logout')
  @HttpCode(204)
  async logout(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.auth.logout(request.cookies?.[SESSION_COOKIE]);
    clearSessionCookie(reply);
  }

  @Get('me')
  @UseGuards(OrganiserGuard)
  @ApiCookieAuth()
  @ApiBearerAuth()
  @ApiOkResponse({ type: OrganiserView })
  me(@CurrentOrganiser() organiser: AuthenticatedOrganiser): OrganiserView {
    return { id: organiser.id, email: organiser.email, name: organiser.name };
  }

  @Post('organisers')
  @UseGuards(OrganiserGuard)
  @ApiCookieAuth()
  @ApiBearerAuth()
  @ApiCreatedResponse({ type: OrganiserView, description: 'Creates another organiser account.' })
  async createOrganiser(@Body() body: CreateOrganiserDto): Promise<OrganiserView> {
    const organiser = await this.auth.createOrganiser(body);
    return { id: organiser.id, email: organiser.email, name: organiser.name };
  }

  @Post('tokens')
  @UseGuards(OrganiserGuard)
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
  @UseGuards(OrganiserGuard)
  @ApiCookieAuth()
  @ApiBearerAuth()
  async listTokens(@CurrentOrganiser() organiser: AuthenticatedOrganiser) {
    const items = await this.auth.listApiTokens(organiser.id);
    return { items, total: items.length };
  }

  @Delete('tokens/:id')
  @HttpCode(204)
  @UseGuards(OrganiserGuard)
  @ApiCookieAuth()
  @ApiBearerAuth()
  async revokeToken(
    @CurrentOrganiser() organiser: AuthenticatedOrganiser,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<void> {
    await this.auth.revokeApiToken(organiser.id, id);
  }
}
