import { useState } from 'react';
import { callApi } from '../api.js';
import type { ApiAnswer } from '../api-types.js';
import { LoadState, shortDate } from '../ui.js';
import { useLoad } from '../use-load.js';
import type { AgreementEvent } from './sharing-types.js';

const ACTION_WORDS: Record<AgreementEvent['action'], string> = {
  created: 'created',
  suspended: 'suspended',
  resumed: 'resumed',
  ended: 'ended',
  'condition-added': 'added a condition',
  'condition-breached': 'recorded a breach',
  'condition-reviewed': 'reviewed a condition',
};

/**
 * Every recorded change of an agreement (who, when, what, why), loaded when first opened and
 * again whenever `version` changes (after a change made in the console).
 *
 * @example <AgreementHistory agreementId={a.id} version={a.modified} />
 */
export function AgreementHistory(props: { agreementId: string; version: string }) {
  const [open, setOpen] = useState(false);
  return (
    <details
      className="history"
      onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}
    >
      <summary>History of changes (who and why)</summary>
      {open && <HistoryTable agreementId={props.agreementId} version={props.version} />}
    </details>
  );
}

function HistoryTable(props: { agreementId: string; version: string }) {
  const history = useLoad(
    () =>
      callApi<ApiAnswer<'/api/agreements/{id}', 'get'>>(
        'GET',
        `/api/agreements/${encodeURIComponent(props.agreementId)}`,
      ),
    // A new version of the agreement means new history: read it again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [props.agreementId, props.version],
  );
  return (
    <LoadState state={history} label="History">
      {(d) => (
        <table>
          <caption className="sr-only">Changes of the agreement, oldest first</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {d.events.map((e, i) => (
              <tr key={`${e.at}-${i}`}>
                <td>
                  <time dateTime={e.at}>{`${shortDate(e.at)} ${e.at.slice(11, 16)}`}</time>
                </td>
                <td>{e.actor}</td>
                <td>{ACTION_WORDS[e.action] ?? e.action}</td>
                <td>{e.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </LoadState>
  );
}
