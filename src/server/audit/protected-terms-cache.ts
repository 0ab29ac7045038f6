import { toProtectedMatchers } from '../../core/audit-restricted.js';

/** How long the protected terms are trusted before they are read again (a CLI may change them). */
const REFRESH_MS = 5_000;

export interface ProtectedTermsCache {
  /** The current matchers; never waits (a stale list triggers a reload in the background). */
  current(): readonly string[];
  /** Reads the terms now (at start, and after a request changed the sharing settings). */
  reload(): Promise<void>;
}

/**
 * The sharing settings' protected terms as matchers, kept in memory so that the audit hook
 * classifies an answer without a database read per request.
 *
 * @example const terms = createProtectedTermsCache(() => store.sharing.settings?.getSetting('protected-terms'))
 */
export function createProtectedTermsCache(
  load: () => Promise<unknown>,
  now: () => number = Date.now,
  onError: (error: unknown) => void = () => {},
): ProtectedTermsCache {
  let matchers: readonly string[] = [];
  let loadedAt = -Infinity;
  let loading: Promise<void> | undefined;
  const reload = (): Promise<void> => {
    loading ??= load()
      .then((value) => {
        const terms = Array.isArray(value)
          ? value.filter((t): t is string => typeof t === 'string')
          : [];
        matchers = toProtectedMatchers(terms);
        loadedAt = now();
      })
      .catch(onError)
      .finally(() => {
        loading = undefined;
      });
    return loading;
  };
  return {
    current() {
      if (now() - loadedAt > REFRESH_MS) void reload();
      return matchers;
    },
    reload,
  };
}
