/**
 * Values read while the store's sharing state had one token (migration 0302): a read under the
 * same token may answer from here, since any change to what was read would have given the state a
 * new token in the same transaction. Holds one token's values at a time; a value stored under
 * another token replaces them all. A value is stored under the token read *before* it, so what is
 * here is never older than its token.
 *
 * @example const level = cache.get(token, partnerId) ?? cache.set(token, partnerId, await read())
 */
export class StateCache<V> {
  #token: string | undefined;
  readonly #values = new Map<string, V>();

  /** `maxEntries` bounds memory whatever keys callers send (unknown ids are not worth keeping). */
  constructor(readonly maxEntries = 10_000) {}

  /** The value read under `token` for `key`, if any. */
  get(token: string, key: string): V | undefined {
    return token === this.#token ? this.#values.get(key) : undefined;
  }

  /** Keeps `value` as read under `token`, and returns it. */
  set(token: string, key: string, value: V): V {
    if (token !== this.#token) {
      this.#token = token;
      this.#values.clear();
    }
    if (this.#values.size < this.maxEntries) this.#values.set(key, value);
    return value;
  }
}
