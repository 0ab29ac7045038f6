import type { FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.js';
import { requireUser, type Role } from '../../principal.js';
import type { Actor, SharingDeps } from '../../../sharing/sharing-deps.js';
import { createProseRecognisers } from '../../../ingest/prose-recognisers.js';

// One set for the process: the recognisers load their gazetteers once, on first use.
const recognisers = createProseRecognisers();

/**
 * The sharing services' dependencies from the app's: the store's repositories, clock and ids,
 * and the extractor's recognisers for free text (the composition root wires the port).
 *
 * @example const sharing = toSharingDeps(deps)
 */
export function toSharingDeps(deps: AppDeps): SharingDeps {
  return {
    sharing: deps.store.sharing,
    objects: deps.store.objects,
    collections: deps.store.collections,
    clock: deps.clock,
    ids: deps.ids,
    recognisers,
  };
}

/**
 * The signed-in user (holding one of `roles`) as the acting person of a sharing step.
 *
 * @example const actor = toActor(request, 'approver')
 */
export function toActor(request: FastifyRequest, ...roles: Role[]): Actor {
  const user = requireUser(request, ...roles);
  return { username: user.username, roles: user.roles };
}

/** `:id` path parameters. */
export const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', minLength: 1, maxLength: 200 } },
} as const;
