import { useEffect, useState, type FormEvent } from 'react';
import { callApi } from '../api.js';
import type { ApiAnswer } from '../api-types.js';

type AuditEntry = ApiAnswer<'/api/audit', 'get'>['entries'][number];
type AuditVerdict = ApiAnswer<'/api/audit/verify', 'get'>;

/**
 * The audit trail for admins: the chain's verdict, then who did what, filtered by user or object
 * ("who read or exported this object"), newest first.
 */
export function AuditPage() {
  const [user, setUser] = useState('');
  const [object, setObject] = useState('');
  const [query, setQuery] = useState('');
  const [entries, setEntries] = useState<AuditEntry[] | string>();
  const [verdict, setVerdict] = useState<AuditVerdict | string>();

  useEffect(() => {
    callApi<AuditVerdict>('GET', '/api/audit/verify').then(setVerdict, (e: Error) =>
      setVerdict(e.message),
    );
  }, []);
  useEffect(() => {
    callApi<ApiAnswer<'/api/audit', 'get'>>('GET', `/api/audit${query}`).then(
      (r) => setEntries([...r.entries].reverse()),
      (e: Error) => setEntries(e.message),
    );
  }, [query]);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const params = new URLSearchParams();
    if (user.trim()) params.set('user', user.trim());
    if (object.trim()) params.set('object', object.trim());
    const text = params.toString();
    setQuery(text ? `?${text}` : '');
  };

  return (
    <>
      <h1>Audit trail</h1>
      {typeof verdict === 'string' ? (
        <p className="error">{verdict}</p>
      ) : verdict === undefined ? null : verdict.ok ? (
        // Checked before this visit's own reads were recorded: the table below may hold more.
        <p role="status">
          The chain is intact: {verdict.entries} records checked, before this visit's own.
        </p>
      ) : (
        <p className="error" role="alert">
          The chain is broken at record {verdict.badSeq}: {verdict.reason}.
        </p>
      )}
      <form onSubmit={apply}>
        <label>
          User <input value={user} onChange={(e) => setUser(e.target.value)} />
        </label>{' '}
        <label>
          Object id <input value={object} onChange={(e) => setObject(e.target.value)} />
        </label>{' '}
        <button type="submit">Filter</button>
      </form>
      {typeof entries === 'string' ? (
        <p className="error">{entries}</p>
      ) : (
        <table>
          <caption className="sr-only">Audit records, newest first</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">Action</th>
              <th scope="col">Ids</th>
              <th scope="col">From</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {(entries ?? []).map((e) => (
              <tr key={e.seq}>
                <td>{e.seq}</td>
                <td>{e.at}</td>
                <td>{e.actorName || e.actorId || '—'}</td>
                <td>
                  {e.action}
                  {e.count > 1 && <span title="identical repeats within 100 ms"> ×{e.count}</span>}
                </td>
                <td>{e.targets || '—'}</td>
                <td>{e.origin}</td>
                <td>{e.status || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
