import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '@shop/testing';
import { runMigrations } from './migrate.js';

// Two migration folders (a service's and a library's) applied as one list, in timestamp order, once.

let database: TestDatabase;
let folders: string[];

beforeAll(async () => {
  database = await createTestDatabase('migrate');
  folders = ['service', 'library'].map((name) => mkdtempSync(join(tmpdir(), `shop-migrations-${name}-`)));
  writeFileSync(join(folders[0]!, '1000_create-things.sql'), '-- Up Migration\nCREATE TABLE things (id int);\n-- Down Migration\nDROP TABLE things;\n');
  writeFileSync(join(folders[1]!, '2000_create-notes.sql'), '-- Up Migration\nCREATE TABLE notes (thing int);\n-- Down Migration\nDROP TABLE notes;\n');
  writeFileSync(join(folders[0]!, '3000_fill-things.sql'), '-- Up Migration\nINSERT INTO things VALUES (1);\nINSERT INTO notes VALUES (1);\n');
  writeFileSync(join(folders[1]!, 'README.md'), 'not a migration');
});

afterAll(async () => {
  await database.drop();
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

describe('runMigrations', () => {
  it('runs the .sql files of several folders in timestamp order, and nothing twice', async () => {
    expect(await runMigrations(database.url, folders)).toEqual(['1000_create-things', '2000_create-notes', '3000_fill-things']);
    expect(await runMigrations(database.url, folders)).toEqual([]);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      expect((await client.query('SELECT count(*)::int AS n FROM notes')).rows[0].n).toBe(1);
    } finally {
      await client.end();
    }
  });
});
