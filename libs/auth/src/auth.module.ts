import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthController } from './auth.controller';
import { AuthPages } from './auth.pages';
import { AuthService } from './auth.service';
import { ApiToken, AppSecret, Organiser, OrganiserSession } from './organiser.entity';
import { OrganiserGuard } from './organiser.guard';
import { RateCounter } from './throttle/rate-counter.service';

@Module({
  imports: [TypeOrmModule.forFeature([Organiser, OrganiserSession, ApiToken, AppSecret])],
  controllers: [AuthController, AuthPages],
  providers: [AuthService, OrganiserGuard, RateCounter],
  exports: [AuthService, OrganiserGuard, RateCounter],
})
export class AuthModule {}
