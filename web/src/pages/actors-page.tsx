import { callApi } from '../api.js';
import { Link } from '../router.js';
import { LoadState } from '../ui.js';
import { useLoad } from '../use-load.js';
import type { ApiAnswer } from '../api-types.js';

type ActorList = ApiAnswer<'/api/actors', 'get'>;

/** Every known actor with its aliases. */
export function ActorsPage() {
  const actors = useLoad(() => callApi<ActorList>('GET', '/api/actors'), []);
  return (
    <>
      <h1>Actors</h1>
      <LoadState state={actors} label="Actors">
        {(d) =>
          d.actors.length === 0 ? (
            <p className="muted">No actors yet.</p>
          ) : (
            <ul className="list">
              {d.actors.map((a) => (
                <li key={a.id}>
                  <Link to={`/actors/${a.id}`}>{a.name}</Link>
                  {a.aliases?.length ? (
                    <span className="muted"> · {a.aliases.join(', ')}</span>
                  ) : null}
                </li>
              ))}
            </ul>
          )
        }
      </LoadState>
    </>
  );
}
