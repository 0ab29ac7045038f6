import type { FastifyInstance, RouteOptions } from 'fastify';
import { problemSchema } from '../errors/problem.js';

/** One documented operation, captured from a route as it is registered. */
interface CapturedRoute {
  method: string;
  url: string;
  schema: Record<string, unknown>;
}

type JsonObject = Record<string, unknown>;

/**
 * Collects every /api route as it is registered (Fastify's onRoute hook, so it must be added
 * before any route) and builds an OpenAPI 3.1 document from the routes' JSON schemas. OpenAPI 3.1
 * schemas are JSON Schema 2020-12, so Fastify's schemas are used as they are.
 *
 * @example const openapi = createOpenApiCollector(app); app.get('/api/openapi.json', () => openapi.toDocument())
 */
export function createOpenApiCollector(app: FastifyInstance) {
  const routes: CapturedRoute[] = [];
  app.addHook('onRoute', (route: RouteOptions) => {
    if (!route.url.startsWith('/api/') && route.url !== '/api') return;
    const schema = (route.schema ?? {}) as JsonObject;
    if (schema.hide === true) return;
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      routes.push({ method: method.toLowerCase(), url: route.url, schema });
    }
  });
  return {
    /** Method and path of every documented route, e.g. `get /api/objects/{id}`. */
    listOperations(): string[] {
      return routes.map((r) => `${r.method} ${toOpenApiPath(r.url)}`);
    },
    toDocument(version: string): JsonObject {
      const paths: Record<string, JsonObject> = {};
      for (const route of routes) {
        const path = toOpenApiPath(route.url);
        paths[path] ??= {};
        paths[path]![route.method] = toOperation(route);
      }
      return {
        openapi: '3.1.0',
        info: {
          title: 'Tearline API',
          version,
          description:
            'The HTTP API of Tearline. Errors are problem responses {type, title, status, code, detail, errors?}; codes are listed in docs/errors.md.',
        },
        paths,
        components: {
          schemas: { Problem: stripId(problemSchema) },
          securitySchemes: {
            session: { type: 'apiKey', in: 'cookie', name: 'tearline_session' },
            bearer: { type: 'http', scheme: 'bearer' },
          },
        },
        security: [{ session: [] }, { bearer: [] }],
      };
    },
  };
}

/** `/api/objects/:id` → `/api/objects/{id}`. */
function toOpenApiPath(url: string): string {
  return url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

function toOperation(route: CapturedRoute): JsonObject {
  const { schema } = route;
  const op: JsonObject = {};
  for (const key of ['summary', 'description', 'tags', 'operationId'] as const) {
    if (schema[key] !== undefined) op[key] = schema[key];
  }
  if (schema.security !== undefined) op.security = schema.security;
  const parameters = [
    ...toParameters(schema.params, 'path'),
    ...toParameters(schema.querystring, 'query'),
    ...toParameters(schema.headers, 'header'),
  ];
  if (parameters.length > 0) op.parameters = parameters;
  if (schema.body !== undefined) op.requestBody = toRequestBody(schema.body as JsonObject);
  const responses: JsonObject = {};
  for (const [status, body] of Object.entries((schema.response ?? {}) as JsonObject)) {
    const b = body as JsonObject;
    const description = typeof b.description === 'string' ? b.description : `HTTP ${status}`;
    const isProblem = b.$ref === 'Problem#';
    responses[status] =
      status === '204'
        ? { description }
        : {
            description: isProblem ? 'Problem' : description,
            content: {
              [isProblem ? 'application/problem+json' : 'application/json']: {
                schema: toOpenApiSchema(b),
              },
            },
          };
  }
  if (Object.keys(responses).length === 0) responses['200'] = { description: 'OK' };
  op.responses = responses;
  return op;
}

/** A body schema, or Fastify's per-media-type form `{content: {type: {schema}}}`. */
function toRequestBody(body: JsonObject): JsonObject {
  const perType = body.content as Record<string, { schema: unknown }> | undefined;
  const content: JsonObject = {};
  if (perType) {
    for (const [type, { schema }] of Object.entries(perType)) {
      content[type] = { schema: toOpenApiSchema(schema) };
    }
  } else {
    content['application/json'] = { schema: toOpenApiSchema(body) };
  }
  return { required: true, content };
}

function toParameters(schema: unknown, where: 'path' | 'query' | 'header'): JsonObject[] {
  const s = schema as JsonObject | undefined;
  if (!s || typeof s.properties !== 'object' || s.properties === null) return [];
  const required = new Set((s.required as string[] | undefined) ?? []);
  return Object.entries(s.properties as JsonObject).map(([name, prop]) => {
    const p = prop as JsonObject;
    const parameter: JsonObject = {
      name,
      in: where,
      required: where === 'path' || required.has(name),
      schema: toOpenApiSchema(p),
    };
    if (typeof p.description === 'string') parameter.description = p.description;
    return parameter;
  });
}

/** Rewrites Fastify shared-schema references (`Problem#`) into component references. */
function toOpenApiSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(toOpenApiSchema);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(schema as JsonObject)) {
    if (key === '$ref' && typeof value === 'string' && value.endsWith('#')) {
      out.$ref = `#/components/schemas/${value.slice(0, -1)}`;
    } else {
      out[key] = toOpenApiSchema(value);
    }
  }
  return out;
}

function stripId(schema: JsonObject): JsonObject {
  const { $id: _omit, ...rest } = schema;
  return rest;
}

declare module 'fastify' {
  interface FastifySchema {
    /** One line for the OpenAPI document. */
    summary?: string;
    description?: string;
    tags?: readonly string[];
    /** OpenAPI security requirements; `[]` for a route that needs no credentials. */
    security?: readonly Record<string, readonly string[]>[];
    /** Leave the route out of the OpenAPI document. */
    hide?: boolean;
    operationId?: string;
  }
}
