// openStore: which engine each DATABASE_URL selects, and where a SQLite file lands.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore, sqlitePath } from '../../src/store/open.ts';
import { StoreUnavailableError } from '../../src/store/store.ts';

describe('sqlitePath', () => {
  it.each([
    ['', './data/srm.db'],
    ['   ', './data/srm.db'],
    ['file:./data/srm.db', './data/srm.db'],
    ['file:/var/lib/srm/srm.db', '/var/lib/srm/srm.db'],
    ['file:///var/lib/srm/srm.db', '/var/lib/srm/srm.db'],
    ['file:./my%20db.db?mode=rwc', './my db.db'],
    ['./plain.db', './plain.db'],
    ['/abs/plain.db', '/abs/plain.db'],
  ])('%j → %s', (url, path) => {
    expect(sqlitePath(url)).toBe(path);
  });
});

describe('openStore', () => {
  it('opens SQLite for a file: URL, creating the parent directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'srm-open-'));
    try {
      const store = await openStore(`file:${join(dir, 'nested', 'srm.db')}`);
      expect(existsSync(join(dir, 'nested', 'srm.db'))).toBe(true);
      await store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('selects PostgreSQL for postgres:// and postgresql:// URLs', async () => {
    for (const scheme of ['postgres', 'postgresql']) {
      await expect(openStore(`${scheme}://nobody:x@127.0.0.1:1/none`)).rejects.toBeInstanceOf(
        StoreUnavailableError,
      );
    }
  });
});
