import { AjvCompiler, type ValidatorFactory } from '@fastify/ajv-compiler';
import { SerializerSelector, type SerializerFactory } from '@fastify/fast-json-stringify-compiler';

// Fastify makes a new validator pool and serialiser factory for every instance, so each app
// compiles every route's schemas again (~200 Ajv validators and fast-json-stringify serialisers,
// a third of a second of CPU). A process that builds many apps — the test fixtures, one app per
// test; the reliability suite — paid it each time. These factories compile each distinct schema
// once per process: the key is the shared schemas, the options and the route schema itself, so two
// apps share a compiled function only where they would have compiled the same one.

/** What Fastify tells a compiler about the schema it wants compiled. */
interface RouteSchemaDef {
  schema: unknown;
  httpPart?: string;
  httpStatus?: string;
  contentType?: string;
}
type Compiler = (route: RouteSchemaDef) => unknown;
type Factory = (externalSchemas: unknown, options: unknown) => Compiler;

function onePerKey<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

function routeKey(route: RouteSchemaDef): string {
  return JSON.stringify([route.httpPart, route.httpStatus, route.contentType, route.schema]);
}

function compileOncePerProcess<F extends ValidatorFactory | SerializerFactory>(factory: F): F {
  const build = factory as unknown as Factory;
  const compilers = new Map<string, Compiler>();
  const compiled = new Map<string, unknown>();
  const cached: Factory = (externalSchemas, options) => {
    const context = JSON.stringify([externalSchemas, options]);
    const compiler = onePerKey(compilers, context, () => build(externalSchemas, options));
    return (route) => onePerKey(compiled, `${context}\n${routeKey(route)}`, () => compiler(route));
  };
  return cached as unknown as F;
}

/**
 * Fastify's own compilers (Ajv for requests, fast-json-stringify for answers), each schema
 * compiled once per process whatever the number of apps.
 *
 * @example Fastify({ schemaController: { compilersFactory: SHARED_SCHEMA_COMPILERS } })
 */
export const SHARED_SCHEMA_COMPILERS = {
  buildValidator: compileOncePerProcess(AjvCompiler()),
  buildSerializer: compileOncePerProcess(SerializerSelector()),
};
