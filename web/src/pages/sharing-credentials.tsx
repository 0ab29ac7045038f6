import { useId, useState, type FormEvent } from 'react';
import { callApi } from '../api.js';
import { LoadState, shortDate } from '../ui.js';
import { useAction } from '../use-action.js';
import { useLoad } from '../use-load.js';
import type { ApiAnswer } from '../api-types.js';
import type { PartnerCredentialView } from './sharing-types.js';

/** A new credential with its secret, shown once. */
type Issued = ApiAnswer<'/api/partners/{id}/credentials', 'post', 201>;

/**
 * A partner's TAXII credentials for an admin: the list (never the secrets), issuing one (its
 * secret shown once, with a copy button) and revoking one.
 *
 * @example <PartnerCredentials partnerId={p.id} partnerName={p.name} />
 */
export function PartnerCredentials(props: { partnerId: string; partnerName: string }) {
  const path = `/api/partners/${encodeURIComponent(props.partnerId)}/credentials`;
  const list = useLoad(
    () => callApi<ApiAnswer<'/api/partners/{id}/credentials', 'get'>>('GET', path),
    [path],
  );
  const [label, setLabel] = useState('TAXII client');
  const [issued, setIssued] = useState<{ label: string; secret: string }>();
  const action = useAction();
  const id = useId();
  const issue = (e: FormEvent) => {
    e.preventDefault();
    void action.run('Credential issued.', async () => {
      const r = await callApi<Issued>('POST', path, { label });
      setIssued({ label: r.credential.label, secret: r.secret });
      list.reload();
    });
  };
  const revoke = (c: PartnerCredentialView) =>
    void action.run(`Revoked “${c.label}”; its secret no longer works.`, async () => {
      await callApi('DELETE', `/api/partner-credentials/${encodeURIComponent(c.id)}`);
      list.reload();
    });
  return (
    <div className="stack">
      <LoadState state={list} label="Credentials">
        {(d) => (
          <ul className="list" aria-label={`Credentials of ${props.partnerName}`}>
            {d.credentials.map((c) => (
              <li key={c.id}>
                {c.label} <span className="muted">issued {shortDate(c.created)}</span>{' '}
                {c.revoked ? (
                  <span className="badge state-rejected">revoked {shortDate(c.revoked)}</span>
                ) : (
                  <button
                    type="button"
                    className="danger"
                    disabled={action.busy}
                    aria-label={`Revoke ${c.label}`}
                    onClick={() => revoke(c)}
                  >
                    Revoke
                  </button>
                )}
              </li>
            ))}
            {d.credentials.length === 0 && <li className="muted">No credentials yet.</li>}
          </ul>
        )}
      </LoadState>
      {issued && <SecretOnce {...issued} onDone={() => setIssued(undefined)} />}
      <form
        className="inline-form"
        onSubmit={issue}
        aria-label={`Issue a credential to ${props.partnerName}`}
      >
        <label htmlFor={`${id}-label`}>Label</label>
        <input
          id={`${id}-label`}
          value={label}
          maxLength={200}
          required
          onChange={(e) => setLabel(e.target.value)}
        />
        <button type="submit" className="secondary" disabled={action.busy}>
          Issue credential
        </button>
      </form>
      {action.view}
    </div>
  );
}

function SecretOnce(props: { label: string; secret: string; onDone: () => void }) {
  const [copied, setCopied] = useState('');
  const copy = () =>
    navigator.clipboard.writeText(props.secret).then(
      () => setCopied('Copied to the clipboard.'),
      () => setCopied('The browser refused the clipboard: select the secret and copy it.'),
    );
  return (
    <div className="secret-once" role="region" aria-label="New secret, shown once">
      <p>
        <strong>Copy this secret now: it will not be shown again.</strong> Only its hash is kept;
        give it to the partner over a secure channel (HTTP Basic password or Bearer token on
        /taxii2/). Lost, it can only be revoked and replaced.
      </p>
      <p>
        Secret of “{props.label}”: <code data-testid="credential-secret">{props.secret}</code>
      </p>
      <div className="actions">
        <button type="button" onClick={() => void copy()}>
          Copy secret
        </button>
        <button type="button" className="secondary" onClick={props.onDone}>
          I have stored it
        </button>
      </div>
      {copied && <p role="status">{copied}</p>}
    </div>
  );
}
