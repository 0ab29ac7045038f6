import { useState } from 'react';
import { ApiError } from './api.js';

/**
 * Runs an action and turns its outcome into a one-line message (success as status, failure as alert).
 *
 * @example const action = useAction(); await action.run('Saved.', () => callApi('POST', url, body))
 */
export function useAction() {
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const [busy, setBusy] = useState(false);
  const run = async (done: string, action: () => Promise<unknown>) => {
    setBusy(true);
    setMessage(undefined);
    try {
      await action();
      setMessage({ ok: true, text: done });
      return true;
    } catch (e) {
      setMessage({ ok: false, text: e instanceof ApiError ? e.message : String(e) });
      return false;
    } finally {
      setBusy(false);
    }
  };
  const view = message ? (
    <p className={message.ok ? 'ok' : 'error'} role={message.ok ? 'status' : 'alert'}>
      {message.text}
    </p>
  ) : null;
  return { run, busy, view };
}
