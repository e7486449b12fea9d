import { readFileSync } from 'node:fs';
import { Global, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../config';
import { dataSourceOptions } from './data-source-options';
import { EmbeddedPostgres } from './embedded-postgres';
import { runMigrationsLocked } from './migrator';

/** Where the database is: the configured URL, or an embedded server started for this process. */
export class DatabaseEndpoint {
  constructor(
    readonly url: string,
    readonly embedded?: EmbeddedPostgres,
  ) {}

  static async resolve(config: AppConfig): Promise<DatabaseEndpoint> {
    const { url, urlFile, embeddedDir, embeddedPort } = config.database;
    if (url) return new DatabaseEndpoint(url);
    if (urlFile) return new DatabaseEndpoint(readFileSync(urlFile, 'utf8').trim());
    const embedded = new EmbeddedPostgres(embeddedDir, embeddedPort);
    return new DatabaseEndpoint(await embedded.start(), embedded);
  }
}

@Module({
  providers: [
    {
      provide: DatabaseEndpoint,
      inject: [APP_CONFIG],
      useFactory: (c: AppConfig) => DatabaseEndpoint.resolve(c),
    },
  ],
  exports: [DatabaseEndpoint],
})
class DatabaseEndpointModule {}

/** Closes the pool before an embedded server stops, whatever order Nest runs shutdown hooks in. */
@Injectable()
class DatabaseShutdown implements OnApplicationShutdown {
  constructor(
    private readonly dataSource: DataSource,
    private readonly endpoint: DatabaseEndpoint,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
    await this.endpoint.embedded?.stop();
  }
}

@Global()
@Module({
  imports: [
    DatabaseEndpointModule,
    TypeOrmModule.forRootAsync({
      imports: [DatabaseEndpointModule],
      inject: [DatabaseEndpoint, APP_CONFIG],
      useFactory: (endpoint: DatabaseEndpoint, config: AppConfig) => ({
        ...dataSourceOptions(endpoint.url, config.database.poolSize),
        autoLoadEntities: true,
      }),
      dataSourceFactory: async (options) => {
        const dataSource = await new DataSource(options!).initialize();
        await runMigrationsLocked(dataSource);
        return dataSource;
      },
    }),
  ],
  providers: [DatabaseShutdown],
  exports: [DatabaseEndpointModule],
})
export class DatabaseModule {}
