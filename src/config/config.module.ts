import { DynamicModule, Global, Inject, Module } from '@nestjs/common';
import type { AppConfig } from './app-config';

export const APP_CONFIG = Symbol('APP_CONFIG');
/** Injects the typed configuration. */
export const InjectConfig = (): ParameterDecorator => Inject(APP_CONFIG);

/**
 * Holds the configuration built before the Nest container exists, so that several app instances
 * with different settings can live in one process (the multi-instance tests rely on it).
 */
@Global()
@Module({})
export class AppConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppConfigModule,
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
    };
  }
}
