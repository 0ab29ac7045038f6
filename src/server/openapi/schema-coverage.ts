import type { FromSchema, JSONSchema } from 'json-schema-to-ts';

type KeysOf<U> = U extends unknown ? keyof U : never;
type ValueAt<U, K> = U extends unknown ? (K extends keyof U ? U[K] : never) : never;

/**
 * The property paths of `T` that the type `U` has no room for, e.g. `"reach.countries"`. Arrays
 * are compared by their items; a value `U` types as `unknown` (an open object) covers anything.
 */
export type MissingPaths<T, U, P extends string = ''> = unknown extends U
  ? never
  : T extends readonly (infer A)[]
    ? MissingPaths<A, U extends readonly (infer B)[] ? B : never, P>
    : T extends object
      ? {
          [K in keyof T & string]-?: K extends KeysOf<U>
            ? MissingPaths<NonNullable<T[K]>, NonNullable<ValueAt<U, K>>, `${P}${K}.`>
            : `${P}${K}`;
        }[keyof T & string]
      : never;

/**
 * `true` when every property of the domain type `T` has a place in the response schema `S`;
 * otherwise the missing paths, so that `const ok: Covers<T, typeof s> = true` fails to compile.
 * Fastify's serialiser drops what a response schema does not name, so a property added to a
 * domain type without its schema would vanish silently from the API (ADR 0028).
 *
 * @example const covered: Covers<Assessment, typeof assessmentSchema> = true;
 */
export type Covers<T, S extends JSONSchema> = [MissingPaths<T, FromSchema<S>>] extends [never]
  ? true
  : { missing: MissingPaths<T, FromSchema<S>> };
