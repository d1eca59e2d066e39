// Data access for issued tokens. Callers pass the hash of a token id, never the id itself.

import type { Kysely } from 'kysely';
import type { Database, Token, TokenRow } from './schema';

export interface TokenStore {
  insert(token: Token): Promise<void>;
  get(idHash: string): Promise<Token | undefined>;
  /** Marks one token revoked; false if there is no such token. */
  revoke(idHash: string, at: string): Promise<boolean>;
  revokeAllOfUser(userId: string, at: string): Promise<void>;
  /** Forgets tokens that expired before the given time; they can never validate again. */
  deleteExpiredBefore(at: string): Promise<void>;
}

export function createTokenStore(db: Kysely<Database>): TokenStore {
  return {
    async insert(token) {
      await db
        .insertInto('tokens')
        .values({
          id_hash: token.idHash,
          user_id: token.userId,
          project_id: token.projectId,
          domain_id: token.domainId,
          methods: JSON.stringify(token.methods),
          audit_id: token.auditId,
          parent_audit_id: token.parentAuditId,
          issued_at: token.issuedAt,
          expires_at: token.expiresAt,
          revoked_at: token.revokedAt,
        })
        .execute();
    },
    async get(idHash) {
      const row = await db
        .selectFrom('tokens')
        .selectAll()
        .where('id_hash', '=', idHash)
        .executeTakeFirst();
      return row && toToken(row);
    },
    async revoke(idHash, at) {
      const result = await db
        .updateTable('tokens')
        .set({ revoked_at: at })
        .where('id_hash', '=', idHash)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
    async revokeAllOfUser(userId, at) {
      await db
        .updateTable('tokens')
        .set({ revoked_at: at })
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null)
        .execute();
    },
    async deleteExpiredBefore(at) {
      // Timestamps share one fixed-width UTC format, so text order is time order.
      await db.deleteFrom('tokens').where('expires_at', '<', at).execute();
    },
  };
}

function toToken(row: TokenRow): Token {
  return {
    idHash: row.id_hash,
    userId: row.user_id,
    projectId: row.project_id,
    domainId: row.domain_id,
    methods: JSON.parse(row.methods) as string[],
    auditId: row.audit_id,
    parentAuditId: row.parent_audit_id,
    issuedAt: row.issued_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
  };
}
