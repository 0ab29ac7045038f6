/** A role of a human user. `approver` may approve releases authored by someone else. */
export type UserRole = 'admin' | 'analyst' | 'approver';

/** Every role, in the order the CLI and API list them. */
export const USER_ROLES: readonly UserRole[] = ['admin', 'analyst', 'approver'];

/** A Tearline user as the API shows it (never with its password hash). */
export interface User {
  /** UUID. */
  id: string;
  username: string;
  displayName: string;
  roles: UserRole[];
  disabled: boolean;
  /** STIX timestamp. */
  created: string;
}

/** A user with the stored password hash, for sign-in only. */
export interface UserWithPassword extends User {
  passwordHash: string;
}

/** Storage of users. Usernames are unique (compared as stored: callers lower-case them). */
export interface UserRepository {
  /** Stores a new user; throws TEARLINE_E_ACCOUNT_EXISTS (conflict) when the username is taken. */
  createUser(user: UserWithPassword): Promise<void>;
  findById(id: string): Promise<UserWithPassword | undefined>;
  findByUsername(username: string): Promise<UserWithPassword | undefined>;
  /** Every user, by username. */
  listUsers(): Promise<User[]>;
  countUsers(): Promise<number>;
  setDisabled(id: string, disabled: boolean): Promise<void>;
  setRoles(id: string, roles: readonly UserRole[]): Promise<void>;
  setPasswordHash(id: string, passwordHash: string): Promise<void>;
}

/** A browser session. Only the SHA-256 of the session id is stored, never the id itself. */
export interface Session {
  idHash: string;
  userId: string;
  /** The synchronizer CSRF token of this session (random, compared in constant time). */
  csrfToken: string;
  created: string;
  /** Absolute end of the session (STIX timestamp). */
  expires: string;
  /** Last request seen; the idle timeout counts from here. */
  lastSeen: string;
}

/** Storage of sessions. */
export interface SessionRepository {
  createSession(session: Session): Promise<void>;
  findSession(idHash: string): Promise<Session | undefined>;
  touchSession(idHash: string, lastSeen: string): Promise<void>;
  deleteSession(idHash: string): Promise<void>;
  /** Ends every session of a user (on disable or password change); returns how many. */
  deleteUserSessions(userId: string): Promise<number>;
  /** Removes sessions whose absolute expiry is before `now`; returns how many. */
  deleteExpiredSessions(now: string): Promise<number>;
}

/** An API token for scripts. Only the SHA-256 of the token is stored. */
export interface ApiToken {
  /** UUID, shown to the user to list and revoke tokens. */
  id: string;
  userId: string;
  name: string;
  tokenHash: string;
  created: string;
  /** STIX timestamp after which the token is refused; undefined for no expiry. */
  expires?: string;
  lastUsed?: string;
  revoked?: string;
}

/** Storage of API tokens. */
export interface TokenRepository {
  createToken(token: ApiToken): Promise<void>;
  findByHash(tokenHash: string): Promise<ApiToken | undefined>;
  findById(id: string): Promise<ApiToken | undefined>;
  /** A user's tokens, newest first, revoked ones included. */
  listTokens(userId: string): Promise<ApiToken[]>;
  revokeToken(id: string, at: string): Promise<void>;
  touchToken(id: string, at: string): Promise<void>;
}
