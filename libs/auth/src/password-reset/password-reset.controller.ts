import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiNoContentResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { resolveLanguage } from '@dialogdag/web';
import { CsrfProtection } from '../csrf/csrf.protection';
import { PasswordResetService } from './password-reset.service';
import { PublicRoute } from '../access/access.decorators';

export class PasswordResetRequestDto {
  @ApiProperty({ example: 'organiser@example.org' })
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email!: string;
}

export class PasswordResetCompleteDto {
  @ApiProperty({ description: 'The token from the e-mailed link' })
  @IsString()
  @MinLength(20)
  @MaxLength(100)
  token!: string;

  @ApiProperty({ minLength: 12 })
  @IsString()
  @MinLength(12, { message: 'password must be at least 12 characters' })
  @MaxLength(200)
  password!: string;
}

@ApiTags('auth')
@PublicRoute()
@Controller('api/auth/password-reset')
export class PasswordResetController {
  constructor(
    private readonly resets: PasswordResetService,
    private readonly csrf: CsrfProtection,
  ) {}

  @Post()
  @HttpCode(202)
  @ApiAcceptedResponse({ description: 'The same answer whether or not the account exists; a link valid for one hour is e-mailed if it does.' })
  async request(@Body() body: PasswordResetRequestDto, @Req() request: FastifyRequest): Promise<Record<string, never>> {
    this.csrf.assertSameOrigin(request);
    await this.resets.request(body.email, request.ip, resolveLanguage(request));
    return {};
  }

  @Post('complete')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Password set; the link is used up and every session of the account ends.' })
  async complete(@Body() body: PasswordResetCompleteDto, @Req() request: FastifyRequest): Promise<void> {
    this.csrf.assertSameOrigin(request);
    await this.resets.complete(body.token, body.password);
  }
}
