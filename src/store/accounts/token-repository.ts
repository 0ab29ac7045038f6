import type { Selectable } from 'kysely';
import type { ApiTokensTable } from '../schema/tearline-db.js';
import type { ApiToken, TokenRepository } from '../../core/ports/users.js';
import type { Database } from '../database.js';

type TokenRow = Selectable<ApiTokensTable>;

/**
 * API tokens on either engine, looked up by the SHA-256 of the token.
 *
 * @example const tokens = createTokenRepository(database); await tokens.findByHash(hash)
 */
export function createTokenRepository(database: Database): TokenRepository {
  const db = database.db;
  return {
    async createToken(token) {
      await db
        .insertInto('api_tokens')
        .values({
          id: token.id,
          user_id: token.userId,
          name: token.name,
          token_hash: token.tokenHash,
          created: token.created,
          expires: token.expires ?? null,
          last_used: token.lastUsed ?? null,
          revoked: token.revoked ?? null,
        })
        .execute();
    },
    async findByHash(tokenHash) {
      const row = await db
        .selectFrom('api_tokens')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
      return row && fromRow(row);
    },
    async findById(id) {
      const row = await db
        .selectFrom('api_tokens')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row && fromRow(row);
    },
    async listTokens(userId) {
      const rows = await db
        .selectFrom('api_tokens')
        .selectAll()
        .where('user_id', '=', userId)
        .orderBy('created', 'desc')
        .orderBy('id')
        .execute();
      return rows.map(fromRow);
    },
    async revokeToken(id, at) {
      await db
        .updateTable('api_tokens')
        .set({ revoked: at })
        .where('id', '=', id)
        .where('revoked', 'is', null)
        .execute();
    },
    async touchToken(id, at) {
      await db.updateTable('api_tokens').set({ last_used: at }).where('id', '=', id).execute();
    },
  };
}

function fromRow(row: TokenRow): ApiToken {
  const token: ApiToken = {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    tokenHash: row.token_hash,
    created: row.created,
  };
  if (row.expires !== null) token.expires = row.expires;
  if (row.last_used !== null) token.lastUsed = row.last_used;
  if (row.revoked !== null) token.revoked = row.revoked;
  return token;
}
