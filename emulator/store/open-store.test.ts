import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from './open-store';
import { migrationProvider } from './migrations/index';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'zenith-store-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('openStore', () => {
  it('opens in WAL mode with foreign keys enforced', async () => {
    const store = await openStore(join(dir, 'cloud.db'));
    const mode = await sql<{ journal_mode: string }>`PRAGMA journal_mode`.execute(store.db);
    const fk = await sql<{ foreign_keys: number }>`PRAGMA foreign_keys`.execute(store.db);
    expect(mode.rows[0]?.journal_mode).toBe('wal');
    expect(fk.rows[0]?.foreign_keys).toBe(1);
    await store.close();
  });

  it('keeps data across close and reopen of the same file, migrating only once', async () => {
    const path = join(dir, 'cloud.db');
    const first = await openStore(path);
    await first.identity.createDomain({ id: 'd1', name: 'Persisted', description: '', enabled: true });
    await first.meta.set('seed', 'empty');
    await first.close();

    const second = await openStore(path);
    expect(await second.identity.getDomain('d1')).toEqual({
      id: 'd1',
      name: 'Persisted',
      description: '',
      enabled: true,
    });
    expect(await second.meta.get('seed')).toBe('empty');
    const migrations = await sql<{ name: string }>`SELECT name FROM kysely_migration`.execute(second.db);
    // Every known migration, each exactly once, in order.
    const known = Object.keys(await migrationProvider.getMigrations()).sort();
    expect(known.slice(0, 4)).toEqual(['0001-meta', '0002-identity', '0003-tokens', '0004-catalog']);
    expect(migrations.rows.map((row) => row.name)).toEqual(known);
    await second.close();
  });

  it('cascades deletes from a domain to its projects, users and their assignments', async () => {
    const store = await openStore(join(dir, 'cloud.db'));
    const { identity, assignments } = store;
    await identity.createDomain({ id: 'd1', name: 'D', description: '', enabled: true });
    await identity.createProject({
      id: 'p1',
      name: 'p',
      domainId: 'd1',
      description: '',
      enabled: true,
      parentId: null,
      tags: ['x'],
    });
    await identity.createUser({
      id: 'u1',
      name: 'u',
      domainId: 'd1',
      passwordHash: null,
      enabled: true,
      defaultProjectId: null,
      description: null,
      email: null,
    });
    await identity.createRole({ id: 'r1', name: 'member', description: null });
    await assignments.grant('u1', { kind: 'project', id: 'p1' }, 'r1');
    expect(await assignments.projectsOf('u1')).toHaveLength(1);

    await identity.deleteDomain('d1');
    expect(await identity.getProject('p1')).toBeUndefined();
    expect(await identity.getUser('u1')).toBeUndefined();
    expect(await assignments.list()).toEqual([]);
    await store.close();
  });

  it('rolls a transaction back as a whole', async () => {
    const store = await openStore(join(dir, 'cloud.db'));
    await expect(
      store.transaction(async (repos) => {
        await repos.identity.createDomain({ id: 'd1', name: 'D', description: '', enabled: true });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await store.identity.listDomains()).toEqual([]);
    await store.close();
  });
});
