import { useId, useRef, useState } from 'react';
import { callApi, type User } from '../api.js';
import { shortDate } from '../ui.js';
import { useAction } from '../use-action.js';
import { AgreementHistory } from './sharing-agreement-history.js';
import { ConditionForm, ConditionRow } from './sharing-conditions.js';
import { EndAgreementDialog } from './sharing-end-dialog.js';
import { mayAct, toDeniedSentence } from './sharing-roles.js';
import type { AgreementRow, ReleaseList } from './sharing-types.js';

/**
 * One agreement with what the signed-in role may do to it: suspend, resume, end (after a
 * confirmation stating the consequence), conditions, and the history of changes. Every change
 * asks for the reason, which the server records with the user's name.
 *
 * @example <AgreementCard row={row} partnerName="Allied service" user={user} onChanged={reload} />
 */
export function AgreementCard(props: {
  row: AgreementRow;
  partnerName: string;
  user: User;
  onChanged: () => void;
}) {
  const { agreement: a, effective } = props.row;
  const [reason, setReason] = useState('');
  const [confirmEnd, setConfirmEnd] = useState(false);
  const [delivered, setDelivered] = useState<number>();
  const reasonRef = useRef<HTMLInputElement>(null);
  const action = useAction();
  const ids = useId();
  const ended = a.state === 'ended';
  const denied = toDeniedSentence(props.user, [
    ['suspend or end an agreement, add a condition or record a breach', 'analyst'],
    ['resume an agreement', 'approver'],
    ['mark a condition reviewed', 'admin'],
  ]);
  const noteId = `${ids}-denied`;
  const [hint, setHint] = useState('');
  const reasonGiven = () => {
    setHint(reason.trim() ? '' : 'Write the reason for this change first: it is recorded.');
    if (reason.trim()) return true;
    reasonRef.current?.focus();
    return false;
  };
  const change = async (done: string, path: string, body: Record<string, unknown> = {}) => {
    if (!reasonGiven()) return;
    await action.run(done, async () => {
      await callApi('POST', `/api/agreements/${encodeURIComponent(a.id)}${path}`, {
        ...body,
        reason: reason.trim(),
      });
      setReason('');
      props.onChanged();
    });
  };
  const askToEnd = async () => {
    if (!reasonGiven()) return;
    // The dialog names how many deliveries ending revokes; it still opens if the count fails.
    const list = await callApi<ReleaseList>(
      'GET',
      `/api/releases?agreementId=${encodeURIComponent(a.id)}&status=delivered`,
    ).catch(() => undefined);
    setDelivered(list?.releases.length);
    setConfirmEnd(true);
  };
  const disabledProps = (role: 'analyst' | 'approver' | 'admin') =>
    mayAct(props.user, role)
      ? {}
      : { disabled: true, 'aria-describedby': noteId, title: `Needs the ${role} role.` };
  return (
    <li className="agreement-card" data-agreement={a.id}>
      <h3>
        {a.title} <span className="muted">with {props.partnerName}</span>{' '}
        <span className={`badge state-${effective.state}`}>{effective.state}</span>{' '}
        <span className="badge">TLP:{a.tlp.toUpperCase()}</span>
      </h3>
      {effective.reasons.length > 0 && effective.state !== 'active' && (
        <p className="muted">Why: {effective.reasons.join('; ')}</p>
      )}
      {a.expires && <p className="muted">Ends by itself on {shortDate(a.expires)}.</p>}
      {a.conditions.length > 0 && (
        <ul className="conditions" aria-label={`Conditions of ${a.title}`}>
          {a.conditions.map((c) => (
            <ConditionRow
              key={c.id}
              agreementId={a.id}
              condition={c}
              user={props.user}
              readOnly={ended}
              reason={reason}
              onNeedReason={reasonGiven}
              onChanged={() => {
                setReason('');
                props.onChanged();
              }}
              deniedNoteId={noteId}
            />
          ))}
        </ul>
      )}
      {!ended && (
        <>
          <div className="actions">
            <div className="grow">
              <label htmlFor={`${ids}-reason`}>
                Reason for the change (recorded with your name)
              </label>
              <input
                id={`${ids}-reason`}
                ref={reasonRef}
                value={reason}
                maxLength={1000}
                onChange={(e) => setReason(e.target.value)}
              />
            </div>
            {a.state === 'active' && (
              <button
                type="button"
                className="secondary"
                {...disabledProps('analyst')}
                onClick={() => void change('Agreement suspended.', '/suspend')}
              >
                Suspend
              </button>
            )}
            {a.state === 'suspended' && (
              <button
                type="button"
                {...disabledProps('approver')}
                onClick={() => void change('Agreement resumed.', '/resume')}
              >
                Resume
              </button>
            )}
            <button
              type="button"
              className="danger"
              {...disabledProps('analyst')}
              onClick={() => void askToEnd()}
            >
              End…
            </button>
          </div>
          {mayAct(props.user, 'analyst') && (
            <ConditionForm
              agreementId={a.id}
              reason={reason}
              onNeedReason={reasonGiven}
              onAdded={() => {
                setReason('');
                props.onChanged();
              }}
            />
          )}
          {denied && (
            <p id={noteId} className="muted">
              {denied} The server checks every change.
            </p>
          )}
        </>
      )}
      {hint && (
        <p className="error" role="alert">
          {hint}
        </p>
      )}
      {action.view}
      <AgreementHistory agreementId={a.id} version={a.modified} />
      <EndAgreementDialog
        open={confirmEnd}
        title={a.title}
        partnerName={props.partnerName}
        delivered={delivered}
        reason={reason.trim()}
        onCancel={() => setConfirmEnd(false)}
        onConfirm={() => {
          setConfirmEnd(false);
          void change('Agreement ended; its releases are revoked.', '/end');
        }}
      />
    </li>
  );
}
