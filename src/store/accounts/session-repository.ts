import type { Selectable } from 'kysely';
import type { SessionsTable } from '../schema/tearline-db.js';
import type { Session, SessionRepository } from '../../core/ports/users.js';
import type { Database } from '../database.js';

type SessionRow = Selectable<SessionsTable>;

/**
 * Browser sessions on either engine, keyed by the SHA-256 of the session id.
 *
 * @example const sessions = createSessionRepository(database); await sessions.findSession(hash)
 */
export function createSessionRepository(database: Database): SessionRepository {
  const db = database.db;
  return {
    async createSession(session) {
      await db
        .insertInto('sessions')
        .values({
          id_hash: session.idHash,
          user_id: session.userId,
          csrf_token: session.csrfToken,
          created: session.created,
          expires: session.expires,
          last_seen: session.lastSeen,
        })
        .execute();
    },
    async findSession(idHash) {
      const row = await db
        .selectFrom('sessions')
        .selectAll()
        .where('id_hash', '=', idHash)
        .executeTakeFirst();
      return row && fromRow(row);
    },
    async touchSession(idHash, lastSeen) {
      await db
        .updateTable('sessions')
        .set({ last_seen: lastSeen })
        .where('id_hash', '=', idHash)
        .execute();
    },
    async deleteSession(idHash) {
      await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
    },
    async deleteUserSessions(userId) {
      const result = await db
        .deleteFrom('sessions')
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
    async deleteExpiredSessions(now) {
      const result = await db.deleteFrom('sessions').where('expires', '<', now).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

function fromRow(row: SessionRow): Session {
  return {
    idHash: row.id_hash,
    userId: row.user_id,
    csrfToken: row.csrf_token,
    created: row.created,
    expires: row.expires,
    lastSeen: row.last_seen,
  };
}
