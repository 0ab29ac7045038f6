import { useState, type FormEvent } from 'react';
import { callApi, toQuery, type User } from '../api.js';
import { navigate } from '../router.js';
import type { StixObject } from '../stix.js';
import { LoadState, nameOf, Panel } from '../ui.js';
import { useAction } from '../use-action.js';
import { useLoad } from '../use-load.js';
import { WorkProgress } from './sharing-progress.js';
import { TransformChoices, toRequestedTransforms } from './sharing-transform-choices.js';
import type { ApiAnswer } from '../api-types.js';
import type { Partner, PartnerList } from './sharing-types.js';

/**
 * `/sharing/releases/new?partner=…`: choose a partner and objects, tick the tearline transforms
 * (those the partner's tier requires are ticked and locked), and draft the release.
 */
export function NewReleaseView(props: { partnerId: string; user: User }) {
  const partners = useLoad(() => callApi<PartnerList>('GET', '/api/partners'), []);
  return (
    <div className="grid">
      <Panel title="New release" wide>
        <LoadState state={partners} label="Partners">
          {(d) => <NewReleaseForm partners={d.partners} initialPartnerId={props.partnerId} />}
        </LoadState>
      </Panel>
    </div>
  );
}

function NewReleaseForm(props: { partners: Partner[]; initialPartnerId: string }) {
  const [partnerId, setPartnerId] = useState(
    props.partners.some((p) => p.id === props.initialPartnerId) ? props.initialPartnerId : '',
  );
  const [q, setQ] = useState('');
  const [found, setFound] = useState<StixObject[]>([]);
  const [chosen, setChosen] = useState<StixObject[]>([]);
  const [ticked, setTicked] = useState<Set<string>>(new Set(['strip-sources']));
  // An incident without its attribution or place tells a partner little; the policy still
  // decides each related object, and the preview lists what was offered.
  const [includeRelated, setIncludeRelated] = useState(true);
  const action = useAction();
  const partner = props.partners.find((p) => p.id === partnerId);
  const search = async (e: FormEvent) => {
    e.preventDefault();
    const r = await callApi<ApiAnswer<'/api/search', 'get'>>(
      'GET',
      `/api/search${toQuery({ q, limit: 20 })}`,
    ).catch(() => ({ objects: [] }));
    setFound(r.objects);
  };
  const create = () =>
    action.run('Release drafted.', async () => {
      const created = await callApi<ApiAnswer<'/api/releases', 'post', 201>>(
        'POST',
        '/api/releases',
        {
          partnerId,
          objectIds: chosen.map((o) => o.id),
          transforms: toRequestedTransforms(ticked, partner),
          includeRelated,
        },
      );
      navigate(`/sharing/releases?drafted=${encodeURIComponent(created.id)}`);
    });
  const count = `${chosen.length} ${chosen.length === 1 ? 'object' : 'objects'}`;
  return (
    <div className="stack">
      <div className="row">
        <div>
          <label htmlFor="rel-partner">Partner</label>
          <select id="rel-partner" value={partnerId} onChange={(e) => setPartnerId(e.target.value)}>
            <option value="">Choose a partner</option>
            {props.partners.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({p.trustTier})
              </option>
            ))}
          </select>
        </div>
      </div>
      <form
        className="inline-form"
        role="search"
        onSubmit={(e) => void search(e)}
        aria-label="Find objects to release"
      >
        <label htmlFor="rel-q">Find objects</label>
        <input id="rel-q" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        <button type="submit" className="secondary">
          Find
        </button>
      </form>
      {found.length > 0 && (
        <ul className="checks" aria-label="Objects found">
          {found.map((o) => (
            <li key={o.id}>
              <label>
                <input
                  type="checkbox"
                  checked={chosen.some((c) => c.id === o.id)}
                  onChange={(e) =>
                    setChosen((c) =>
                      e.target.checked ? [...c, o] : c.filter((x) => x.id !== o.id),
                    )
                  }
                />{' '}
                <span className="badge">{o.type}</span> {nameOf(o)}
              </label>
            </li>
          ))}
        </ul>
      )}
      <p>
        Selected:{' '}
        {chosen.length ? (
          chosen.map((o) => nameOf(o)).join('; ')
        ) : (
          <span className="muted">nothing yet</span>
        )}
      </p>
      <TransformChoices partner={partner} ticked={ticked} onChange={setTicked} />
      <label>
        <input
          type="checkbox"
          checked={includeRelated}
          onChange={(e) => setIncludeRelated(e.target.checked)}
        />{' '}
        Include related objects: the selected incidents' attribution and place, where the agreement
        allows them
      </label>
      <WorkProgress busy={action.busy} label={`Drafting a release of ${count}`} />
      {action.view}
      <div>
        <button
          type="button"
          onClick={() => void create()}
          disabled={action.busy || !partnerId || chosen.length === 0}
        >
          Draft release
        </button>
      </div>
    </div>
  );
}
