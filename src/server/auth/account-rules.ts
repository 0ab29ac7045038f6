import { TearlineError } from '../../core/errors.js';
import { USER_ROLES, type UserRole } from '../../core/ports/users.js';

const USERNAME = /^[a-z0-9][a-z0-9._-]{0,62}$/;

/**
 * A username as stored: trimmed, lower-case, 1–63 of `a-z 0-9 . _ -`, starting with a letter or digit.
 *
 * @example parseUsername(' Ana ') // 'ana'
 */
export function parseUsername(value: unknown): string {
  const name = typeof value === 'string' ? value.trim().toLowerCase() : '';
  if (!USERNAME.test(name)) {
    throw new TearlineError(
      'TEARLINE_E_ACCOUNT_BAD_USERNAME',
      'A username is 1–63 characters of a-z, 0-9, ".", "_" or "-", starting with a letter or digit.',
    );
  }
  return name;
}

/**
 * A non-empty, de-duplicated list of known roles.
 *
 * @example parseRoles(['analyst', 'approver'])
 */
export function parseRoles(value: unknown): UserRole[] {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
  const roles = [...new Set(list.map((r) => (typeof r === 'string' ? r.trim() : r)))];
  const bad = roles.filter((r) => !USER_ROLES.includes(r as UserRole));
  if (roles.length === 0 || bad.length > 0) {
    throw new TearlineError(
      'TEARLINE_E_ACCOUNT_BAD_ROLE',
      `Roles must be one or more of ${USER_ROLES.join(', ')}${bad.length ? ` (got "${bad.join('", "')}")` : ''}.`,
    );
  }
  return roles as UserRole[];
}

/**
 * A password chosen by a person: 12 to 1,024 characters.
 *
 * @example parsePassword(input)
 */
export function parsePassword(value: unknown): string {
  if (typeof value !== 'string' || value.length < 12 || value.length > 1024) {
    throw new TearlineError(
      'TEARLINE_E_ACCOUNT_WEAK_PASSWORD',
      'A password must be between 12 and 1,024 characters long; a passphrase of several words works well.',
    );
  }
  return value;
}
