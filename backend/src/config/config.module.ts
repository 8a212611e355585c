import { type DynamicModule, Global, Module } from '@nestjs/common';
import type { AppConfig } from './app-config.js';

/** Injection token for the validated AppConfig. */
export const APP_CONFIG = Symbol('AppConfig');

@Global()
@Module({})
export class ConfigModule {
  /** main.ts validates the environment before Nest starts, so a bad value fails with one clear message. */
  static forRoot(config: AppConfig): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: APP_CONFIG, useValue: config }], exports: [APP_CONFIG] };
  }
}
