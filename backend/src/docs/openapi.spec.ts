import 'reflect-metadata';
import { PATH_METADATA } from '@nestjs/common/constants.js';
import { MetricsController } from '../metrics/metrics.controller.js';
import { OPENAPI } from './openapi.js';

describe('OpenAPI document', () => {
  it('documents every route of the metrics controller, and nothing it does not serve', () => {
    const base = Reflect.getMetadata(PATH_METADATA, MetricsController) as string;
    const routes = Object.getOwnPropertyNames(MetricsController.prototype)
      .filter((name) => name !== 'constructor')
      .map((name) => Reflect.getMetadata(PATH_METADATA, (MetricsController.prototype as unknown as Record<string, object>)[name]!) as string | undefined)
      .filter((p): p is string => typeof p === 'string')
      .map((p) => `/${base}/${p}`.replace(/:(\w+)/g, '{$1}'));
    expect(routes.length).toBeGreaterThanOrEqual(10);
    expect(Object.keys(OPENAPI.paths).sort()).toEqual(routes.sort());
  });

  it('refers only to schemas it defines', () => {
    const refs = [...JSON.stringify(OPENAPI).matchAll(/#\/components\/schemas\/(\w+)/g)].map((m) => m[1]!);
    for (const ref of refs) expect(Object.keys(OPENAPI.components.schemas)).toContain(ref);
  });
});
