import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, DataSourceOptions, MigrationInterface } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy';

export interface DatabaseModuleOptions {
  url: string;
  migrations: Array<new () => MigrationInterface>;
  /** Connections per instance (DATABASE_POOL_SIZE). */
  poolSize?: number;
}

/**
 * How long a request waits for a connection (a free one from the pool, or a new one) before it is
 * answered 503: long enough to ride out a burst, short enough that a database that is gone is
 * reported within seconds rather than hanging every request.
 */
export const CONNECTION_WAIT_MS = 5000;

// Any fixed number: the key every instance locks while migrating.
const MIGRATION_LOCK = 727_364_001;

/** Runs pending migrations; instances starting together take turns on an advisory lock. */
export async function runMigrations(dataSource: DataSource): Promise<void> {
  const runner = dataSource.createQueryRunner();
  try {
    await runner.connect();
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
}

export function dataSourceOptions(options: DatabaseModuleOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url: options.url,
    synchronize: false,
    migrationsRun: false,
    migrations: options.migrations,
    migrationsTableName: 'schema_migrations',
    namingStrategy: new SnakeNamingStrategy(),
    applicationName: 'dialogdag',
    // keepAlive: a connection to a server that vanished (a network cut, no reset) is noticed and dropped.
    extra: { max: options.poolSize ?? 20, connectionTimeoutMillis: CONNECTION_WAIT_MS, keepAlive: true },
  };
}

/** The schema comes only from committed migrations, applied before anything else uses the database. */
@Module({})
export class DatabaseModule {
  static forRoot(options: DatabaseModuleOptions): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => ({ ...dataSourceOptions(options), autoLoadEntities: true }),
          dataSourceFactory: async (dataSourceOptions) => {
            const dataSource = await new DataSource(dataSourceOptions!).initialize();
            await runMigrations(dataSource);
            return dataSource;
          },
        }),
      ],
    };
  }
}
