import { useState, type FormEvent } from 'react';
import { callApi } from '../api.js';
import { LoadState, Panel } from '../ui.js';
import { Link } from '../router.js';
import { describeTransform } from './sharing-transforms.js';
import type { Loaded } from '../use-load.js';
import { useAction } from '../use-action.js';
import { PartnerCredentials } from './sharing-credentials.js';
import type { Partner } from './sharing-types.js';

const TIERS = ['close', 'trusted', 'limited', 'minimal'];

/**
 * Partners with their trust tier and what it forces on every release, links to their releases
 * and ledger, a form to register one and, for admins, their TAXII credentials.
 */
export function PartnersPanel(props: {
  state: Loaded<{ partners: Partner[] }>;
  canAdd: boolean;
  canDraft: boolean;
  canManageCredentials: boolean;
}) {
  const [name, setName] = useState('');
  const [tier, setTier] = useState('limited');
  const action = useAction();
  const add = (e: FormEvent) => {
    e.preventDefault();
    void action.run(`Registered ${name}.`, async () => {
      await callApi('POST', '/api/partners', { name, trustTier: tier });
      setName('');
      props.state.reload();
    });
  };
  return (
    <Panel title="Partners" wide>
      <LoadState state={props.state} label="Partners">
        {(d) => (
          <ul className="list">
            {d.partners.map((p) => (
              <li key={p.id}>
                <strong>{p.name}</strong>{' '}
                <span className={`badge tier-${p.trustTier}`}>{p.trustTier}</span>
                <p className="muted">
                  {p.minimumTransforms?.length
                    ? `Required on every release (${p.trustTier} tier): ${p.minimumTransforms.map(describeTransform).join('; ')}.`
                    : 'No transform is required on its releases; their author picks them.'}
                </p>
                <p className="links">
                  {props.canDraft && (
                    <Link to={`/sharing/releases/new?partner=${encodeURIComponent(p.id)}`}>
                      Draft a release
                    </Link>
                  )}
                  <Link to={`/sharing/ledger?partner=${encodeURIComponent(p.id)}`}>
                    What {p.name} has received
                  </Link>
                </p>
                {props.canManageCredentials && (
                  <details>
                    <summary>TAXII credentials of {p.name}</summary>
                    <PartnerCredentials partnerId={p.id} partnerName={p.name} />
                  </details>
                )}
              </li>
            ))}
            {d.partners.length === 0 && <li className="muted">No partners yet.</li>}
          </ul>
        )}
      </LoadState>
      {props.canAdd && (
        <form className="inline-form" onSubmit={add} aria-label="Register a partner">
          <label htmlFor="partner-name">Name</label>
          <input
            id="partner-name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            required
          />
          <label htmlFor="partner-tier">Trust</label>
          <select id="partner-tier" value={tier} onChange={(e) => setTier(e.target.value)}>
            {TIERS.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
          <button type="submit" className="secondary" disabled={action.busy}>
            Register
          </button>
        </form>
      )}
      {action.view}
    </Panel>
  );
}
