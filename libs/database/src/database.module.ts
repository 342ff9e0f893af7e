import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Client, ClientConfig } from 'pg';
import { DataSource, DataSourceOptions, MigrationInterface } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy';

export interface DatabaseModuleOptions {
  url: string;
  migrations: Array<new () => MigrationInterface>;
  /** Connections per instance (DATABASE_POOL_SIZE). */
  poolSize?: number;
}

/**
 * How long making a new connection may take: a server that is up answers in milliseconds, so a database
 * that is unreachable (not just refusing, which fails at once) is reported within seconds.
 */
export const CONNECT_TIMEOUT_MS = 5000;

/**
 * How long a request waits for a connection of the pool, all of them busy, before it is answered 503:
 * a burst for one conference queues for its seat lock well beyond the connect timeout, and on a loaded
 * machine for tens of seconds, and must ride it out; beyond a minute, no client (nor proxy) is still
 * waiting for the answer.
 */
export const POOL_WAIT_MS = 60_000;

/** pg-pool gives one timeout to waiting for a pooled connection and to making one; they differ here. */
class ConnectTimedClient extends Client {
  constructor(config?: string | ClientConfig) {
    super(typeof config === 'string' ? config : { ...config, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  }
}

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
    // Keep-alive probes from 10 s of silence on: a connection to a server that vanished without a reset (a
    // network cut) is noticed and dropped in minutes rather than the system's default of hours.
    extra: {
      max: options.poolSize ?? 20,
      Client: ConnectTimedClient,
      connectionTimeoutMillis: POOL_WAIT_MS,
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    },
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
