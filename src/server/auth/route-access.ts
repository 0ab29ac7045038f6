import type { FastifyRequest } from 'fastify';
import { requireUser, type Role } from '../principal.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Who may call the route, checked before the body is read or validated so that an
     * anonymous or under-privileged caller learns nothing from validation errors: `[]` any
     * signed-in user, otherwise one of the roles (admin always passes).
     */
    access?: readonly Role[];
  }
}

/**
 * A preParsing hook enforcing each route's `config.access`.
 *
 * @example app.addHook('preParsing', checkRouteAccess); app.get('/api/x', { config: { access: ['admin'] } }, …)
 */
export async function checkRouteAccess(request: FastifyRequest): Promise<void> {
  const access = request.routeOptions.config?.access;
  if (access) requireUser(request, ...access);
}
