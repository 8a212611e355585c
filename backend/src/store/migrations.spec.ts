import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readMigrations, splitStatements } from './migrations.js';

describe('migrations', () => {
  it('reads the shipped migrations in order', () => {
    const migrations = readMigrations();
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(migrations[0]!.name).toBe('core_tables');
    expect(migrations.every((m) => /^[0-9a-f]{64}$/.test(m.checksum))).toBe(true);
  });

  it('refuses a gap in the numbering and a badly named file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mig-'));
    writeFileSync(join(dir, '0001_a.sql'), 'SELECT 1;');
    writeFileSync(join(dir, '0003_c.sql'), 'SELECT 1;');
    expect(() => readMigrations(dir + '/')).toThrow(/0003_c.sql is out of sequence: expected number 0002/);
    const bad = mkdtempSync(join(tmpdir(), 'mig-'));
    writeFileSync(join(bad, '1_x.sql'), 'SELECT 1;');
    expect(() => readMigrations(bad + '/')).toThrow(/not named NNNN_name.sql/);
  });

  it('splits statements on semicolons at line ends and drops comment lines', () => {
    expect(splitStatements("-- head\nCREATE TABLE a (x String COMMENT 'a;b');\n\n-- next\nSELECT 1;\n")).toEqual(["CREATE TABLE a (x String COMMENT 'a;b')", 'SELECT 1']);
  });
});
