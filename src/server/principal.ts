import type {} from 'fastify';
import { TearlineError } from '../core/errors.js';

/** A role of a human user. `approver` may approve releases authored by someone else. */
export type Role = 'admin' | 'analyst' | 'approver';

/** Who is making a request: a signed-in user, a script with a user's API token, or a partner's TAXII client. */
export type Principal =
  | {
      kind: 'user';
      userId: string;
      username: string;
      roles: readonly Role[];
      via: 'session' | 'token';
    }
  | {
      kind: 'partner';
      partnerId: string;
      partnerName: string;
      /** The sharing state's token read with the credential (AuthenticatedPartner). */
      sharingState?: string;
    };

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the auth hook; undefined for anonymous requests. */
    principal?: Principal;
  }
}

/**
 * The signed-in user making the request, who must hold one of `roles` (any role when empty).
 * Throws 401 when anonymous, 403 when a partner or a user without the role.
 *
 * @example const user = requireUser(request, 'approver')
 */
export function requireUser(
  request: { principal?: Principal },
  ...roles: Role[]
): Extract<Principal, { kind: 'user' }> {
  const p = request.principal;
  if (!p)
    throw new TearlineError('TEARLINE_E_AUTH_REQUIRED', 'Sign in first.', {
      kind: 'unauthenticated',
    });
  if (p.kind !== 'user') {
    throw new TearlineError('TEARLINE_E_AUTH_FORBIDDEN', 'This endpoint is for Tearline users.', {
      kind: 'forbidden',
    });
  }
  if (roles.length > 0 && !roles.some((r) => p.roles.includes(r) || p.roles.includes('admin'))) {
    throw new TearlineError(
      'TEARLINE_E_AUTH_FORBIDDEN',
      `This needs the ${roles.join(' or ')} role.`,
      {
        kind: 'forbidden',
      },
    );
  }
  return p;
}

/** The partner whose TAXII client makes the request; 401 otherwise. */
export function requirePartner(request: {
  principal?: Principal;
}): Extract<Principal, { kind: 'partner' }> {
  const p = request.principal;
  if (!p || p.kind !== 'partner') {
    throw new TearlineError('TEARLINE_E_AUTH_REQUIRED', 'Partner credentials are required.', {
      kind: 'unauthenticated',
    });
  }
  return p;
}
