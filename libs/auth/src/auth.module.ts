import { Module } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MailModule } from '@dialogdag/mail';
import { AuthController } from './auth.controller';
import { AuthPages } from './auth.pages';
import { AuthService } from './auth.service';
import { ApiToken, AppSecret, Organiser, OrganiserSession, PasswordReset } from './organiser.entity';
import { OrganiserGuard } from './organiser.guard';
import { RateCounter } from './throttle/rate-counter.service';
import { CsrfProtection } from './csrf/csrf.protection';
import { SessionCookies } from './session-cookie';
import { LoginService } from './login.service';
import { FormStamp } from './bot-check/form-stamp';
import { PasswordResetController } from './password-reset/password-reset.controller';
import { PasswordResetPages } from './password-reset/password-reset.pages';
import { PasswordResetService } from './password-reset/password-reset.service';
import { AccessDeclarations } from './access/access-declarations';
import { AccessGuard } from './access/access.guard';
import { AccessRegistry } from './access/access.registry';
import { RequestAuthenticator } from './access/request-authenticator';
import { OrganiserAccountsPages } from './accounts/organiser-accounts.pages';

@Module({
  imports: [TypeOrmModule.forFeature([Organiser, OrganiserSession, ApiToken, AppSecret, PasswordReset]), MailModule, DiscoveryModule],
  controllers: [AuthController, AuthPages, PasswordResetController, PasswordResetPages, OrganiserAccountsPages],
  providers: [
    AuthService, OrganiserGuard, RateCounter, SessionCookies, CsrfProtection, LoginService, PasswordResetService, FormStamp,
    RequestAuthenticator, AccessRegistry, AccessDeclarations,
    // Every route of the app passes this one guard; what it asks is each route's access declaration.
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [AuthService, OrganiserGuard, RateCounter, SessionCookies, CsrfProtection, FormStamp, RequestAuthenticator, AccessRegistry, AccessDeclarations],
})
export class AuthModule {}
