import { useId, useState, type FormEvent } from 'react';
import { callApi, type User } from '../api.js';
import { shortDate } from '../ui.js';
import { useAction } from '../use-action.js';
import { mayAct } from './sharing-roles.js';
import type { Agreement } from './sharing-types.js';

type Condition = Agreement['conditions'][number];

/** What a condition control needs from its agreement card: the shared reason and a refresh. */
interface ReasonProps {
  agreementId: string;
  reason: string;
  /** Whether a reason was written; when not, the card says so and focuses the reason field. */
  onNeedReason: () => boolean;
}

function conditionPath(agreementId: string, conditionId?: string): string {
  const base = `/api/agreements/${encodeURIComponent(agreementId)}/conditions`;
  return conditionId === undefined ? base : `${base}/${encodeURIComponent(conditionId)}`;
}

/**
 * A condition with its review date and expiry; an admin marks it reviewed (with the next review
 * date), an analyst records a breach, which suspends the agreement.
 *
 * @example <ConditionRow agreementId={a.id} condition={c} user={user} … />
 */
export function ConditionRow(
  props: ReasonProps & {
    condition: Condition;
    user: User;
    readOnly: boolean;
    deniedNoteId: string;
    onChanged: () => void;
  },
) {
  const c = props.condition;
  const [next, setNext] = useState('');
  const action = useAction();
  const id = useId();
  const send = (done: string, body: Record<string, unknown>) => {
    if (!props.onNeedReason()) return;
    void action.run(done, async () => {
      await callApi('POST', conditionPath(props.agreementId, c.id), {
        ...body,
        reason: props.reason.trim(),
      });
      props.onChanged();
    });
  };
  const deny = (role: 'analyst' | 'admin') =>
    mayAct(props.user, role)
      ? {}
      : {
          disabled: true,
          'aria-describedby': props.deniedNoteId,
          title: `Needs the ${role} role.`,
        };
  return (
    <li className="condition-row">
      {c.text}{' '}
      <span className="muted">
        — review by {shortDate(c.reviewDate)}, expires {shortDate(c.expires)}
      </span>{' '}
      {c.breached && <span className="badge state-rejected">breached {shortDate(c.breached)}</span>}
      {!props.readOnly && !c.breached && (
        <div className="actions">
          <div>
            <label htmlFor={`${id}-next`}>Next review</label>
            <input
              id={`${id}-next`}
              type="date"
              value={next}
              onChange={(e) => setNext(e.target.value)}
              {...deny('admin')}
            />
          </div>
          <button
            type="button"
            className="secondary"
            {...deny('admin')}
            onClick={() => send('Condition reviewed.', { nextReviewDate: next })}
          >
            Mark reviewed
          </button>
          <button
            type="button"
            className="danger"
            {...deny('analyst')}
            onClick={() => send('Breach recorded; the agreement is suspended.', { breached: true })}
          >
            Record breach
          </button>
        </div>
      )}
      {action.view}
    </li>
  );
}

/**
 * Adds a condition (the partner's commitment, a review date and an expiry) to an agreement.
 *
 * @example <ConditionForm agreementId={a.id} reason={reason} onNeedReason={check} onAdded={reload} />
 */
export function ConditionForm(props: ReasonProps & { onAdded: () => void }) {
  const [text, setText] = useState('');
  const [reviewDate, setReviewDate] = useState('');
  const [expires, setExpires] = useState('');
  const action = useAction();
  const id = useId();
  const add = (e: FormEvent) => {
    e.preventDefault();
    if (!props.onNeedReason()) return;
    void action.run('Condition added.', async () => {
      await callApi('POST', conditionPath(props.agreementId), {
        text,
        reviewDate,
        expires,
        reason: props.reason.trim(),
      });
      setText('');
      setReviewDate('');
      setExpires('');
      props.onAdded();
    });
  };
  return (
    <form className="stack" onSubmit={add} aria-label="Add a condition">
      <div className="row">
        <div className="grow">
          <label htmlFor={`${id}-text`}>Condition</label>
          <input
            id={`${id}-text`}
            value={text}
            maxLength={2000}
            required
            onChange={(e) => setText(e.target.value)}
          />
        </div>
        <div>
          <label htmlFor={`${id}-review`}>Review date</label>
          <input
            id={`${id}-review`}
            type="date"
            value={reviewDate}
            required
            onChange={(e) => setReviewDate(e.target.value)}
          />
        </div>
        <div>
          <label htmlFor={`${id}-expires`}>Expires</label>
          <input
            id={`${id}-expires`}
            type="date"
            value={expires}
            required
            onChange={(e) => setExpires(e.target.value)}
          />
        </div>
        <div>
          <button type="submit" className="secondary" disabled={action.busy}>
            Add condition
          </button>
        </div>
      </div>
      {action.view}
    </form>
  );
}
