import { useState, type FormEvent } from 'react';
import { callApi, type User } from '../api.js';
import { LoadState, Panel } from '../ui.js';
import type { Loaded } from '../use-load.js';
import { useAction } from '../use-action.js';
import { AgreementCard } from './sharing-agreement-card.js';
import { mayAct } from './sharing-roles.js';
import type { AgreementRow, Partner } from './sharing-types.js';

const TLP = ['clear', 'green', 'amber', 'amber+strict', 'red'];

/**
 * Agreements with their effective state, conditions, review dates, the changes the signed-in
 * role may make, and (for approvers) a form to sign a new one.
 *
 * @example <AgreementsPanel state={agreements} partners={partners} user={user} />
 */
export function AgreementsPanel(props: {
  state: Loaded<{ agreements: AgreementRow[] }>;
  partners: Partner[];
  user: User;
  /** Called after any change: ending an agreement also revokes releases shown elsewhere. */
  onChanged: () => void;
}) {
  const names = new Map(props.partners.map((p) => [p.id, p.name]));
  return (
    <Panel title="Agreements" wide>
      <LoadState state={props.state} label="Agreements">
        {(d) => (
          <ul className="list agreements">
            {d.agreements.map((row) => (
              <AgreementCard
                key={row.agreement.id}
                row={row}
                partnerName={names.get(row.agreement.partnerId) ?? row.agreement.partnerId}
                user={props.user}
                onChanged={() => {
                  props.state.reload();
                  props.onChanged();
                }}
              />
            ))}
            {d.agreements.length === 0 && <li className="muted">No agreements yet.</li>}
          </ul>
        )}
      </LoadState>
      {mayAct(props.user, 'approver') ? (
        <NewAgreementForm partners={props.partners} onCreated={props.state.reload} />
      ) : (
        <p className="muted">Signing a new agreement needs the approver role.</p>
      )}
    </Panel>
  );
}

function NewAgreementForm(props: { partners: Partner[]; onCreated: () => void }) {
  const [partnerId, setPartnerId] = useState('');
  const [title, setTitle] = useState('');
  const [tlp, setTlp] = useState('green');
  const [expires, setExpires] = useState('');
  const [reason, setReason] = useState('');
  const action = useAction();
  const add = (e: FormEvent) => {
    e.preventDefault();
    void action.run(`Agreement “${title}” created.`, async () => {
      await callApi('POST', '/api/agreements', {
        partnerId,
        title,
        tlp,
        reason,
        ...(expires ? { expires } : {}),
      });
      setTitle('');
      setReason('');
      setExpires('');
      props.onCreated();
    });
  };
  return (
    <form className="stack" onSubmit={add} aria-label="Create an agreement">
      <h3>New agreement</h3>
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
            maxLength={200}
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
        <div>
          <label htmlFor="agr-expires">Ends on (optional)</label>
          <input
            id="agr-expires"
            type="date"
            value={expires}
            onChange={(e) => setExpires(e.target.value)}
          />
        </div>
      </div>
      <div>
        <label htmlFor="agr-reason">Reason (recorded with your name)</label>
        <input
          id="agr-reason"
          value={reason}
          maxLength={1000}
          onChange={(e) => setReason(e.target.value)}
          required
        />
      </div>
      <div>
        <button type="submit" className="secondary" disabled={action.busy}>
          Create agreement
        </button>
      </div>
      {action.view}
    </form>
  );
}
