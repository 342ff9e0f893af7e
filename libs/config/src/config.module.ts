import { DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig, AuthConfig, Config, DatabaseConfig, MailConfig, MessagesConfig, ReimbursementConfig } from './config';

/** Provides each concern's validated configuration as its own injectable class. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: Config): DynamicModule {
    return {
      module: ConfigModule,
      providers: [
        { provide: AppConfig, useValue: config.app },
        { provide: DatabaseConfig, useValue: config.database },
        { provide: MailConfig, useValue: config.mail },
        { provide: AuthConfig, useValue: config.auth },
        { provide: ReimbursementConfig, useValue: config.reimbursement },
        { provide: MessagesConfig, useValue: config.messages },
      ],
      exports: [AppConfig, DatabaseConfig, MailConfig, AuthConfig, ReimbursementConfig, MessagesConfig],
    };
  }
}
