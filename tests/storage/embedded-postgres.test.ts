// The tests' own PostgreSQL server (tests/helpers/embedded-postgres.ts) also starts from a copy of the
// binaries in a directory everyone can read: what happens when CI runs as root from a checkout the server's
// `postgres` user cannot enter. Data is UTF-8 with Unicode case rules, whatever locales the machine has.
import { describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from '../helpers/embedded-postgres.ts';

describe('the embedded PostgreSQL server of the tests', () => {
  it('runs from copied binaries, in UTF-8, and is gone after stop()', async () => {
    const server = await startEmbeddedPostgres({ copyBinaries: true });
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: server.adminUrl });
    try {
      expect(server.binaries).not.toContain('node_modules');
      expect(server.version).toMatch(/^18\./);
      await client.connect();
      const { rows } = await client.query(
        `select upper('қазақ тілі') as up, current_setting('server_encoding') as enc`,
      );
      expect(rows[0]).toEqual({ up: 'ҚАЗАҚ ТІЛІ', enc: 'UTF8' });
    } finally {
      await client.end();
      await server.stop();
    }
    const after = new pg.Client({ connectionString: server.adminUrl, connectionTimeoutMillis: 2000 });
    await expect(after.connect()).rejects.toThrow();
  });
});
