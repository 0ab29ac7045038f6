import { useState, type FormEvent } from 'react';
import { callApi, toQuery } from '../api.js';
import { Link, navigate } from '../router.js';
import type { StixObject } from '../stix.js';
import { LoadState, nameOf } from '../ui.js';
import { useLoad } from '../use-load.js';
import type { ApiAnswer } from '../api-types.js';

const TYPES = ['', 'threat-actor', 'incident', 'report', 'location', 'identity', 'note'];

/** Full-text search over names, aliases and descriptions. */
export function SearchPage(props: { query: string }) {
  const [q, setQ] = useState(props.query);
  const [type, setType] = useState('');
  const results = useLoad(
    () =>
      props.query
        ? callApi<ApiAnswer<'/api/search', 'get'>>(
            'GET',
            `/api/search${toQuery({ q: props.query, type, limit: 50 })}`,
          )
        : Promise.resolve({ objects: [] as StixObject[], total: 0 }),
    [props.query, type],
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate(`/search${toQuery({ q })}`);
  };
  return (
    <>
      <h1>Search</h1>
      <form className="inline-form" role="search" onSubmit={submit}>
        <label htmlFor="search-q">Words</label>
        <input id="search-q" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        <label htmlFor="search-type">Type</label>
        <select id="search-type" value={type} onChange={(e) => setType(e.target.value)}>
          {TYPES.map((t) => (
            <option key={t} value={t}>
              {t || 'any'}
            </option>
          ))}
        </select>
        <button type="submit">Search</button>
      </form>
      {props.query && (
        <LoadState state={results} label="Results">
          {(d) =>
            d.objects.length === 0 ? (
              <p className="muted">Nothing matches “{props.query}”.</p>
            ) : (
              <ul className="list results">
                {d.objects.map((o) => (
                  <li key={o.id}>
                    <span className="badge">{o.type}</span>{' '}
                    <Link to={o.type === 'threat-actor' ? `/actors/${o.id}` : `/objects/${o.id}`}>
                      {nameOf(o)}
                    </Link>
                    {typeof o.description === 'string' && (
                      <p className="muted clamp">{o.description}</p>
                    )}
                  </li>
                ))}
              </ul>
            )
          }
        </LoadState>
      )}
    </>
  );
}
