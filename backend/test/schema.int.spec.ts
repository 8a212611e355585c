import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateSchemaSql } from '../src/store/schema-dump.js';
import { REPO_ROOT } from './helpers/epiboard-process.js';

describe('clickhouse/schema.sql', () => {
  it('is the schema the migrations make (run `npm run schema` after adding one)', async () => {
    const committed = readFileSync(join(REPO_ROOT, 'clickhouse/schema.sql'), 'utf8');
    const generated = await generateSchemaSql();
    expect(generated).toContain('CREATE TABLE checkins');
    expect(committed).toBe(generated);
  }, 60_000);
});
