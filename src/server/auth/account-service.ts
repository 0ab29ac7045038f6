import { timingSafeEqual } from 'node:crypto';
import { notFound, TearlineError } from '../../core/errors.js';
import { toStixTimestamp, type Clock, type IdSource } from '../../core/clock.js';
import type {
  ApiToken,
  Session,
  SessionRepository,
  TokenRepository,
  User,
  UserRepository,
} from '../../core/ports/users.js';
import type { AuthConfig } from './auth-config.js';
import { hashPassword, verifyPassword, unusablePasswordHash } from './password-hash.js';
import { createPassword, createSecret, hashSecret } from './secret-hash.js';
import { parsePassword, parseRoles, parseUsername } from './account-rules.js';

export interface AccountServiceDeps {
  store: { users: UserRepository; sessions: SessionRepository; tokens: TokenRepository };
  clock: Clock;
  ids: IdSource;
  auth: AuthConfig;
}

/** A token as listed to its owner: never the secret nor its hash. */
export type TokenInfo = Omit<ApiToken, 'tokenHash'>;

const DAY = 86_400_000;
/** API tokens live 90 days unless asked otherwise, and never more than two years. */
const DEFAULT_TOKEN_DAYS = 90;
const MAX_TOKEN_DAYS = 730;
/** Writing last-seen on every request would turn reads into writes; once a minute is enough. */
const TOUCH_EVERY_MS = 60_000;

/**
 * Users, sessions and API tokens: the one place that hashes, checks expiry and refuses disabled
 * accounts, used by the HTTP routes and the CLI alike.
 *
 * @example const accounts = createAccountService({ store, clock, ids, auth: toAuthConfig(config) })
 */
export function createAccountService(deps: AccountServiceDeps) {
  const { store, clock, ids, auth } = deps;
  const now = () => clock.now();
  const hash = (password: string) => hashPassword(password, auth.passwordCost);
  const unusableHash = unusablePasswordHash(auth.passwordCost);

  async function getUserOrThrow(username: string) {
    const user = await store.users.findByUsername(parseUsername(username));
    if (!user) {
      throw notFound('TEARLINE_E_ACCOUNT_NOT_FOUND', `There is no user "${username}".`);
    }
    return user;
  }

  /** Refuses a change that would leave no enabled admin (nobody could manage users any more). */
  async function assertAnotherAdmin(userId: string) {
    const admins = (await store.users.listUsers()).filter(
      (u) => u.roles.includes('admin') && !u.disabled && u.id !== userId,
    );
    if (admins.length === 0) {
      throw new TearlineError(
        'TEARLINE_E_ACCOUNT_LAST_ADMIN',
        'This is the last enabled admin; make another user admin first.',
        { kind: 'conflict' },
      );
    }
  }

  return {
    getUserOrThrow,

    /** Adds a user; with no password given, generates one and returns it (to show once). */
    async addUser(input: {
      username: unknown;
      roles: unknown;
      displayName?: unknown;
      password?: unknown;
    }): Promise<{ user: User; generatedPassword?: string }> {
      const username = parseUsername(input.username);
      const roles = parseRoles(input.roles);
      const displayName =
        typeof input.displayName === 'string' && input.displayName.trim() !== ''
          ? input.displayName.trim().slice(0, 200)
          : username;
      const generated = input.password === undefined ? createPassword() : undefined;
      const password = generated ?? parsePassword(input.password);
      const user: User = {
        id: ids.uuid(),
        username,
        displayName,
        roles,
        disabled: false,
        created: toStixTimestamp(now()),
      };
      await store.users.createUser({ ...user, passwordHash: await hash(password) });
      return generated === undefined ? { user } : { user, generatedPassword: generated };
    },

    async setDisabled(username: string, disabled: boolean): Promise<User> {
      const user = await getUserOrThrow(username);
      if (disabled && user.roles.includes('admin')) await assertAnotherAdmin(user.id);
      await store.users.setDisabled(user.id, disabled);
      if (disabled) await store.sessions.deleteUserSessions(user.id);
      const { passwordHash: _omit, ...rest } = user;
      return { ...rest, disabled };
    },

    async setRoles(username: string, roles: unknown): Promise<User> {
      const user = await getUserOrThrow(username);
      const parsed = parseRoles(roles);
      if (user.roles.includes('admin') && !parsed.includes('admin'))
        await assertAnotherAdmin(user.id);
      await store.users.setRoles(user.id, parsed);
      const { passwordHash: _omit, ...rest } = user;
      return { ...rest, roles: parsed };
    },

    /** Changes one's own password after checking the current one; ends every session of the user. */
    async changePassword(userId: string, current: unknown, next: unknown): Promise<void> {
      const user = await store.users.findById(userId);
      const ok =
        user !== undefined &&
        (await verifyPassword(typeof current === 'string' ? current : '', user.passwordHash));
      if (!user || !ok) {
        throw new TearlineError(
          'TEARLINE_E_ACCOUNT_WRONG_PASSWORD',
          'The current password is wrong; nothing was changed.',
        );
      }
      await store.users.setPasswordHash(userId, await hash(parsePassword(next)));
      await store.sessions.deleteUserSessions(userId);
    },

    /** Sets a user's password (admin reset); generates one when none is given. Ends their sessions. */
    async resetPassword(
      username: string,
      password?: unknown,
    ): Promise<{ generatedPassword?: string }> {
      const user = await getUserOrThrow(username);
      const generated = password === undefined ? createPassword() : undefined;
      await store.users.setPasswordHash(user.id, await hash(generated ?? parsePassword(password)));
      await store.sessions.deleteUserSessions(user.id);
      return generated === undefined ? {} : { generatedPassword: generated };
    },

    /** Checks a username and password and opens a session; the session id is returned once. */
    async signIn(username: unknown, password: unknown) {
      const name = typeof username === 'string' ? username.trim().toLowerCase() : '';
      const found = name === '' ? undefined : await store.users.findByUsername(name);
      const ok = await verifyPassword(
        typeof password === 'string' ? password : '',
        found?.passwordHash ?? unusableHash,
      );
      if (!found || !ok) {
        throw new TearlineError(
          'TEARLINE_E_AUTH_BAD_CREDENTIALS',
          'Wrong username or password; check both and try again.',
          { kind: 'unauthenticated' },
        );
      }
      if (found.disabled) {
        throw new TearlineError(
          'TEARLINE_E_AUTH_DISABLED',
          'This account is disabled; ask an admin to enable it.',
          {
            kind: 'forbidden',
          },
        );
      }
      const sessionId = createSecret(32);
      const at = now();
      const session: Session = {
        idHash: hashSecret(sessionId),
        userId: found.id,
        csrfToken: createSecret(32),
        created: toStixTimestamp(at),
        expires: toStixTimestamp(new Date(at.getTime() + auth.session.ttlMs)),
        lastSeen: toStixTimestamp(at),
      };
      // Sign-in is rare enough to sweep ended sessions here rather than on a timer.
      await store.sessions.deleteExpiredSessions(session.created);
      await store.sessions.createSession(session);
      const { passwordHash: _omit, ...user } = found;
      return { sessionId, session, user };
    },

    async signOut(sessionId: string): Promise<void> {
      await store.sessions.deleteSession(hashSecret(sessionId));
    },

    /** The live session and its enabled user, or undefined (expired, idle, unknown, disabled). */
    async findSessionUser(sessionId: string) {
      const idHash = hashSecret(sessionId);
      const session = await store.sessions.findSession(idHash);
      if (!session) return undefined;
      const at = now().getTime();
      const idleSince = Date.parse(session.lastSeen);
      if (at >= Date.parse(session.expires) || at - idleSince >= auth.session.idleMs) {
        await store.sessions.deleteSession(idHash);
        return undefined;
      }
      const user = await store.users.findById(session.userId);
      if (!user || user.disabled) return undefined;
      if (at - idleSince >= TOUCH_EVERY_MS)
        await store.sessions.touchSession(idHash, toStixTimestamp(new Date(at)));
      return { session, user };
    },

    /** True when `presented` is the session's CSRF token (constant-time comparison). */
    isCsrfTokenValid(session: Session, presented: string | undefined): boolean {
      if (!presented) return false;
      const a = Buffer.from(session.csrfToken);
      const b = Buffer.from(presented);
      return a.length === b.length && timingSafeEqual(a, b);
    },

    /** Mints an API token for a user; the token is returned once and stored only hashed. */
    async mintToken(userId: string, options: { name?: unknown; expiresInDays?: unknown } = {}) {
      const days = options.expiresInDays ?? DEFAULT_TOKEN_DAYS;
      if (
        typeof days !== 'number' ||
        !Number.isInteger(days) ||
        days < 1 ||
        days > MAX_TOKEN_DAYS
      ) {
        throw new TearlineError(
          'TEARLINE_E_ACCOUNT_BAD_TOKEN_EXPIRY',
          `A token's expiry must be a whole number of days from 1 to ${MAX_TOKEN_DAYS}.`,
        );
      }
      const name =
        typeof options.name === 'string' && options.name.trim() !== ''
          ? options.name.trim().slice(0, 100)
          : 'api';
      const token = createSecret(32, 'tl_');
      const at = now();
      const record: ApiToken = {
        id: ids.uuid(),
        userId,
        name,
        tokenHash: hashSecret(token),
        created: toStixTimestamp(at),
        expires: toStixTimestamp(new Date(at.getTime() + days * DAY)),
      };
      await store.tokens.createToken(record);
      return { token, info: toTokenInfo(record) };
    },

    /** The enabled user owning a live (unexpired, unrevoked) token, or undefined. */
    async findTokenUser(token: string) {
      const record = await store.tokens.findByHash(hashSecret(token));
      if (!record || record.revoked) return undefined;
      const at = now();
      if (record.expires && at.getTime() >= Date.parse(record.expires)) return undefined;
      const user = await store.users.findById(record.userId);
      if (!user || user.disabled) return undefined;
      if (!record.lastUsed || at.getTime() - Date.parse(record.lastUsed) >= TOUCH_EVERY_MS) {
        await store.tokens.touchToken(record.id, toStixTimestamp(at));
      }
      return { user, token: toTokenInfo(record) };
    },

    async listTokens(userId: string): Promise<TokenInfo[]> {
      return (await store.tokens.listTokens(userId)).map(toTokenInfo);
    },

    /** Revokes one of the user's own tokens; another user's token answers as not found. */
    async revokeToken(userId: string, tokenId: string): Promise<void> {
      const record = await store.tokens.findById(tokenId);
      if (!record || record.userId !== userId) {
        throw notFound('TEARLINE_E_ACCOUNT_TOKEN_NOT_FOUND', 'There is no such token among yours.');
      }
      await store.tokens.revokeToken(tokenId, toStixTimestamp(now()));
    },
  };
}

/** The account service's type, for code that receives it. */
export type AccountService = ReturnType<typeof createAccountService>;

function toTokenInfo(record: ApiToken): TokenInfo {
  const { tokenHash: _omit, ...info } = record;
  return info;
}
