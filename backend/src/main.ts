import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express from 'express';
import { AppModule } from './app.module.js';
import { ConfigError, loadConfig, unknownSettings, type AppConfig } from './config/app-config.js';
import { claimDataDir } from './config/data-dir.js';
import { AllErrorsFilter, bodyParserErrors, requireUtf8 } from './web/http-errors.js';

const FRONTEND_DIST = fileURLToPath(new URL('../../frontend/dist/', import.meta.url));

export async function createApp(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    abortOnError: false,
    logger: process.env.LOG_LEVEL === 'debug' ? ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'] : ['fatal', 'error', 'warn', 'log'],
  });
  app.use(requireUtf8);
  // strict: false lets a bare value through to the feed's own message ("expected a JSON array").
  app.use(express.json({ limit: config.maxBodyBytes, type: ['application/json', 'application/*+json'], strict: false }));
  app.use(express.text({ limit: config.maxBodyBytes, type: ['text/csv', 'text/plain'] }));
  app.use(bodyParserErrors(config.maxBodyBytes));
  app.useGlobalFilters(new AllErrorsFilter());
  if (existsSync(FRONTEND_DIST)) app.useStaticAssets(FRONTEND_DIST, { index: 'index.html' });
  else new Logger('Web').warn(`no dashboard build at ${FRONTEND_DIST}: run npm run build`);
  return app;
}

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  for (const warning of unknownSettings(process.env)) console.warn(warning);
  const started = Date.now();
  try {
    claimDataDir(config.dataDir);
    const app = await createApp(config);
    await app.listen(config.port, '0.0.0.0');
    const url = `http://localhost:${(app.getHttpServer().address() as { port: number }).port}`;
    const logger = new Logger('Epiboard');
    logger.log(`dashboard at ${url} (ready in ${Date.now() - started} ms; demo ${config.demo ? 'on' : 'off'})`);
    closeOnSignal(app, logger);
  } catch (error) {
    console.error(`Epiboard could not start: ${(error as Error).message}`);
    process.exit(1);
  }
}

/**
 * SIGTERM/SIGINT: stop taking requests, let the workers finish or hand back their jobs, close
 * the store and Redis (the embedded child too), then exit 0. Bounded, so a stuck close cannot hang a deploy.
 */
function closeOnSignal(app: NestExpressApplication, logger: Logger): void {
  let closing = false;
  const close = (signal: string) => {
    if (closing) return;
    closing = true;
    logger.log(`${signal}: shutting down`);
    setTimeout(() => {
      logger.error('shutdown took longer than 20 s; exiting anyway');
      process.exit(1);
    }, 20_000).unref();
    app.close().then(
      () => process.exit(0),
      (error: Error) => {
        logger.error(`shutdown failed: ${error.message}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => close('SIGTERM'));
  process.once('SIGINT', () => close('SIGINT'));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) void main();
