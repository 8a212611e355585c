import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateSchemaSql } from './schema-dump.js';

const target = fileURLToPath(new URL('../../../clickhouse/schema.sql', import.meta.url));
writeFileSync(target, await generateSchemaSql());
console.log(`wrote ${target}`);
