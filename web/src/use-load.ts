import { useCallback, useEffect, useEffectEvent, useState } from 'react';

/** The state of one asynchronous load: the value, or the error's sentence, and a reload. */
export interface Loaded<T> {
  data?: T;
  error?: string;
  loading: boolean;
  reload: () => void;
}

/**
 * Runs an async loader when its key changes and tracks loading and error state.
 *
 * @example const actors = useLoad(() => callApi('GET', '/api/actors'), [])
 */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: string; loading: boolean }>({
    loading: true,
  });
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  // The latest loader runs; `deps` say when. The lint checks each call site's deps against its
  // loader as it checks useEffect's (eslint.config.js, additionalHooks).
  const run = useEffectEvent(load);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    run().then(
      (data) => live && setState({ data, loading: false }),
      (e: unknown) =>
        live && setState({ error: e instanceof Error ? e.message : String(e), loading: false }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller's deps, checked at its call site
  }, [...deps, tick]);
  return { ...state, reload };
}
