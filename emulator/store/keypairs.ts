// Data access for Nova's key pairs, which belong to a user (not a project).

import type { Kysely, Selectable } from 'kysely';
import type { Database, Keypair, KeypairTable } from './schema';

export type NewKeypair = Omit<Keypair, 'id'>;

export interface KeypairStore {
  listOfUser(userId: string, page?: { limit?: number; markerName?: string }): Promise<Keypair[]>;
  get(userId: string, name: string): Promise<Keypair | undefined>;
  countOfUser(userId: string): Promise<number>;
  create(keypair: NewKeypair): Promise<Keypair>;
  delete(userId: string, name: string): Promise<boolean>;
}

export function createKeypairStore(db: Kysely<Database>): KeypairStore {
  const get = async (userId: string, name: string): Promise<Keypair | undefined> => {
    const row = await db
      .selectFrom('keypairs')
      .selectAll()
      .where('user_id', '=', userId)
      .where('name', '=', name)
      .executeTakeFirst();
    return row && toKeypair(row);
  };
  return {
    async listOfUser(userId, page = {}) {
      let query = db.selectFrom('keypairs').selectAll().where('user_id', '=', userId).orderBy('name');
      if (page.markerName !== undefined) query = query.where('name', '>', page.markerName);
      if (page.limit !== undefined) query = query.limit(page.limit);
      return (await query.execute()).map(toKeypair);
    },
    get,
    async countOfUser(userId) {
      const row = await db
        .selectFrom('keypairs')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('user_id', '=', userId)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async create(keypair) {
      const row = await db
        .insertInto('keypairs')
        .values({
          user_id: keypair.userId,
          name: keypair.name,
          type: keypair.type,
          public_key: keypair.publicKey,
          fingerprint: keypair.fingerprint,
          created_at: keypair.createdAt,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toKeypair(row);
    },
    async delete(userId, name) {
      const result = await db
        .deleteFrom('keypairs')
        .where('user_id', '=', userId)
        .where('name', '=', name)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}

function toKeypair(row: Selectable<KeypairTable>): Keypair {
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    type: row.type === 'x509' ? 'x509' : 'ssh',
    publicKey: row.public_key,
    fingerprint: row.fingerprint,
    createdAt: row.created_at,
  };
}
