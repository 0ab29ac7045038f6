import { useState, type FormEvent } from 'react';
import { callApi } from '../api.js';
import { LoadState, Panel } from '../ui.js';
import type { Loaded } from '../use-load.js';
import { useAction } from '../use-action.js';
import { PartnerCredentials } from './sharing-credentials.js';
import type { Partner } from './sharing-types.js';

const TIERS = ['close', 'trusted', 'limited', 'minimal'];

/** Partners with their trust tier, a form to register one and, for admins, their TAXII credentials. */
export function PartnersPanel(props: {
  state: Loaded<{ partners: Partner[] }>;
  canAdd: boolean;
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
    <Panel title="Partners">
      <LoadState state={props.state} label="Partners">
        {(d) => (
          <ul className="list">
            {d.partners.map((p) => (
              <li key={p.id}>
                {p.name} <span className={`badge tier-${p.trustTier}`}>{p.trustTier}</span>
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
