import type { User } from '../api.js';

/** A role a sharing step needs; `admin` stands for steps only an admin (or analyst+approver) may take. */
export type SharingRole = 'analyst' | 'approver' | 'admin';

/**
 * Whether the user may take a step needing `role`, as the server decides it: admins may do
 * everything, and an admin-only step is also open to someone holding both analyst and approver.
 *
 * @example mayAct(user, 'approver') // true for bea
 */
export function mayAct(user: User, role: SharingRole): boolean {
  const roles = user.roles;
  if (roles.includes('admin')) return true;
  if (role === 'admin') return roles.includes('analyst') && roles.includes('approver');
  return roles.includes(role);
}

/**
 * One sentence naming what the user may not do among `steps` and which role each needs; empty
 * when everything is allowed. The server stays the authority: this only explains disabled controls.
 *
 * @example toDeniedSentence(user, [['resume an agreement', 'approver']])
 */
export function toDeniedSentence(user: User, steps: ReadonlyArray<[string, SharingRole]>): string {
  const denied = steps.filter(([, role]) => !mayAct(user, role));
  if (denied.length === 0) return '';
  const parts = denied.map(([what, role]) => `${what} (needs ${role})`);
  return `Signed in as ${user.roles.join(', ')}, you may not ${parts.join('; ')}.`;
}
