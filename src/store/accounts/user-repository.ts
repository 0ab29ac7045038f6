import type { Selectable } from 'kysely';
import type { UsersTable } from '../schema/tearline-db.js';
import { TearlineError } from '../../core/errors.js';
import type { User, UserRepository, UserRole, UserWithPassword } from '../../core/ports/users.js';
import type { Database } from '../database.js';

type UserRow = Selectable<UsersTable>;

/**
 * Users on either engine (same SQL on both). Roles are stored as a comma-separated list.
 *
 * @example const users = createUserRepository(database); await users.findByUsername('ana')
 */
export function createUserRepository(database: Database): UserRepository {
  const db = database.db;
  return {
    async createUser(user) {
      try {
        await db
          .insertInto('users')
          .values({
            id: user.id,
            username: user.username,
            display_name: user.displayName,
            roles: user.roles.join(','),
            password_hash: user.passwordHash,
            disabled: user.disabled ? 1 : 0,
            created: user.created,
          })
          .execute();
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw new TearlineError(
            'TEARLINE_E_ACCOUNT_EXISTS',
            `A user named "${user.username}" already exists; choose another username.`,
            { kind: 'conflict' },
          );
        }
        throw error;
      }
    },
    async findById(id) {
      const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
      return row && fromRow(row);
    },
    async findByUsername(username) {
      const row = await db
        .selectFrom('users')
        .selectAll()
        .where('username', '=', username)
        .executeTakeFirst();
      return row && fromRow(row);
    },
    async listUsers() {
      const rows = await db.selectFrom('users').selectAll().orderBy('username').execute();
      return rows.map((row) => withoutPassword(fromRow(row)));
    },
    async countUsers() {
      const row = await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async setDisabled(id, disabled) {
      await db
        .updateTable('users')
        .set({ disabled: disabled ? 1 : 0 })
        .where('id', '=', id)
        .execute();
    },
    async setRoles(id, roles) {
      await db
        .updateTable('users')
        .set({ roles: roles.join(',') })
        .where('id', '=', id)
        .execute();
    },
    async setPasswordHash(id, passwordHash) {
      await db
        .updateTable('users')
        .set({ password_hash: passwordHash })
        .where('id', '=', id)
        .execute();
    },
  };
}

function fromRow(row: UserRow): UserWithPassword {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    roles: row.roles === '' ? [] : (row.roles.split(',') as UserRole[]),
    disabled: Number(row.disabled) !== 0,
    created: row.created,
    passwordHash: row.password_hash,
  };
}

function withoutPassword(user: UserWithPassword): User {
  const { passwordHash: _omit, ...rest } = user;
  return rest;
}

/** True for a unique-constraint failure on SQLite or PostgreSQL (SQLSTATE 23505). */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    code === '23505' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}
