import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express from 'express';
import { AppModule } from './app.module.js';
import { ConfigError, loadConfig, type AppConfig } from './config/app-config.js';
import { AllErrorsFilter, bodyParserErrors } from './web/http-errors.js';

const FRONTEND_DIST = fileURLToPath(new URL('../../frontend/dist/', import.meta.url));

export async function createApp(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { bodyParser: false, abortOnError: false });
  app.use(express.json({ limit: config.maxBodyBytes, type: ['application/json', 'application/*+json'] }));
  app.use(express.text({ limit: config.maxBodyBytes, type: ['text/csv', 'text/plain'] }));
  app.use(bodyParserErrors(config.maxBodyBytes));
  app.useGlobalFilters(new AllErrorsFilter());
  if (existsSync(FRONTEND_DIST)) app.useStaticAssets(FRONTEND_DIST, { index: 'index.html' });
  else new Logger('Web').warn(`no dashboard build at ${FRONTEND_DIST}: run npm run build`);
  app.enableShutdownHooks();
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
  const started = Date.now();
  try {
    const app = await createApp(config);
    await app.listen(config.port, '0.0.0.0');
    const url = `http://localhost:${(app.getHttpServer().address() as { port: number }).port}`;
    new Logger('Epiboard').log(`dashboard at ${url} (ready in ${Date.now() - started} ms; demo ${config.demo ? 'on' : 'off'})`);
  } catch (error) {
    console.error(`Epiboard could not start: ${(error as Error).message}`);
    process.exit(1);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) void main();
