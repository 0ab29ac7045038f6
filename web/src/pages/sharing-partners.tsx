import { useState, type FormEvent } from 'react';
import { callApi } from '../api.js';
import { LoadState, Panel, shortDate } from '../ui.js';
import type { Loaded } from '../use-load.js';
import { useAction } from '../use-action.js';
import type { AgreementRow, Partner } from './sharing-types.js';

const TIERS = ['close', 'trusted', 'limited', 'minimal'];
const TLP = ['clear', 'green', 'amber', 'amber+strict', 'red'];

/** Partners with their trust tier, and a form to register one. */
export function PartnersPanel(props: { state: Loaded<{ partners: Partner[] }>; canAdd: boolean }) {
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

/** Agreements with their effective state, conditions and review dates. */
export function AgreementsPanel(props: {
  state: Loaded<{ agreements: AgreementRow[] }>;
  partners: Partner[];
  canAdd: boolean;
}) {
  const names = new Map(props.partners.map((p) => [p.id, p.name]));
  const [partnerId, setPartnerId] = useState('');
  const [title, setTitle] = useState('');
  const [tlp, setTlp] = useState('green');
  const action = useAction();
  const add = (e: FormEvent) => {
    e.preventDefault();
    void action.run('Agreement created.', async () => {
      await callApi('POST', '/api/agreements', {
        partnerId,
        title,
        tlp,
        reason: 'created in the sharing console',
      });
      setTitle('');
      props.state.reload();
    });
  };
  return (
    <Panel title="Agreements">
      <LoadState state={props.state} label="Agreements">
        {(d) => (
          <ul className="list">
            {d.agreements.map(({ agreement: a, effective }) => (
              <li key={a.id}>
                <strong>{a.title}</strong> with {names.get(a.partnerId) ?? a.partnerId}{' '}
                <span className={`badge state-${effective.state}`}>{effective.state}</span>{' '}
                <span className="badge">TLP:{a.tlp.toUpperCase()}</span>
                {effective.reasons.length > 0 && effective.state !== 'active' && (
                  <span className="muted"> ({effective.reasons.join('; ')})</span>
                )}
                {a.expires && <span className="muted"> · ends {shortDate(a.expires)}</span>}
                {a.conditions.length > 0 && (
                  <ul className="conditions">
                    {a.conditions.map((c) => (
                      <li key={c.id}>
                        {c.text}{' '}
                        <span className="muted">
                          — review {shortDate(c.reviewDate)}, expires {shortDate(c.expires)}
                        </span>
                        {c.breached && <span className="badge state-rejected">breached</span>}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
            {d.agreements.length === 0 && <li className="muted">No agreements yet.</li>}
          </ul>
        )}
      </LoadState>
      {props.canAdd && (
        <form className="stack" onSubmit={add} aria-label="Create an agreement">
          <div className="row">
            <div>
              <label htmlFor="agr-partner">Partner</label>
              <select
                id="agr-partner"
                value={partnerId}
                onChange={(e) => setPartnerId(e.target.value)}
                required
              >
                <option value="">Choose</option>
                {props.partners.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="grow">
              <label htmlFor="agr-title">Title</label>
              <input
                id="agr-title"
                value={title}
                onChange={(e) => setTitle(e.target.value)}
                required
              />
            </div>
            <div>
              <label htmlFor="agr-tlp">Highest TLP</label>
              <select id="agr-tlp" value={tlp} onChange={(e) => setTlp(e.target.value)}>
                {TLP.map((t) => (
                  <option key={t}>{t}</option>
                ))}
              </select>
            </div>
          </div>
          <div>
            <button type="submit" className="secondary" disabled={action.busy}>
              Create agreement
            </button>
          </div>
        </form>
      )}
      {action.view}
    </Panel>
  );
}
