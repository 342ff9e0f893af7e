import { Module } from '@nestjs/common';
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

@Module({
  imports: [TypeOrmModule.forFeature([Organiser, OrganiserSession, ApiToken, AppSecret, PasswordReset]), MailModule],
  controllers: [AuthController, AuthPages, PasswordResetController, PasswordResetPages],
  providers: [AuthService, OrganiserGuard, RateCounter, SessionCookies, CsrfProtection, LoginService, PasswordResetService, FormStamp],
  exports: [AuthService, OrganiserGuard, RateCounter, SessionCookies, CsrfProtection, FormStamp],
})
export class AuthModule {}
