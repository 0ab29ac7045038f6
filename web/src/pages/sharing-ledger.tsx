import { useState } from 'react';
import { callApi, toQuery } from '../api.js';
import { Link, navigate } from '../router.js';
import { LoadState, Panel, shortDate } from '../ui.js';
import { useLoad } from '../use-load.js';
import type { ApiAnswer } from '../api-types.js';
import type {
  LedgerRowView,
  LedgerVerdictView,
  PartnerList,
  ReleaseList,
  ReleaseView,
} from './sharing-types.js';

const PAGE = 50;

/** The ledger view's own URL for a pair of filters (empty: no filter). */
function ledgerPath(partnerId: string, releaseId: string): string {
  return `/sharing/ledger${toQuery({ partner: partnerId, release: releaseId })}`;
}

/**
 * `/sharing/ledger?partner=…&release=…`: what was disclosed to whom, with names beside the ids,
 * filtered by partner and release (the filters live in the URL), and the chain's verification.
 */
export function LedgerView(props: { partnerId: string; releaseId: string }) {
  const { partnerId, releaseId } = props;
  const partners = useLoad(() => callApi<PartnerList>('GET', '/api/partners'), []);
  const releases = useLoad(
    () =>
      callApi<ReleaseList>('GET', `/api/releases${toQuery({ partnerId: partnerId || undefined })}`),
    [partnerId],
  );
  const entries = useLoad(
    () =>
      callApi<ApiAnswer<'/api/ledger', 'get'>>(
        'GET',
        `/api/ledger${toQuery({ partnerId: partnerId || undefined, releaseId: releaseId || undefined })}`,
      ),
    [partnerId, releaseId],
  );
  const verdict = useLoad(() => callApi<LedgerVerdictView>('GET', '/api/ledger/verify'), []);
  const names = new Map((partners.data?.partners ?? []).map((p) => [p.id, p.name]));
  // Only releases that reached a partner have ledger entries.
  const disclosed = (releases.data?.releases ?? []).filter(
    (r) => r.status === 'delivered' || r.status === 'revoked' || r.id === releaseId,
  );
  const filter = (partner: string, release: string) =>
    navigate(ledgerPath(partner, release), { keepScroll: true });
  return (
    <div className="grid">
      <Panel title="Disclosure ledger" wide>
        <LoadState state={verdict} label="Verification">
          {(v) =>
            v.ok ? (
              <p className="ok" data-testid="ledger-verdict">
                Verified: {v.entries} entries, hash chain intact.
              </p>
            ) : (
              <p className="error" data-testid="ledger-verdict">
                Broken at entry {v.badSeq}: {v.reason}
              </p>
            )
          }
        </LoadState>
        <form
          className="inline-form"
          aria-label="Filter the ledger"
          onSubmit={(e) => e.preventDefault()}
        >
          <label htmlFor="ledger-partner">Partner</label>
          <select
            id="ledger-partner"
            value={partnerId}
            onChange={(e) => filter(e.target.value, '')}
          >
            <option value="">Every partner</option>
            {(partners.data?.partners ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
          <label htmlFor="ledger-release">Release</label>
          <select
            id="ledger-release"
            value={releaseId}
            onChange={(e) => filter(partnerId, e.target.value)}
          >
            <option value="">Every release</option>
            {disclosed.map((r) => (
              <option key={r.id} value={r.id}>
                {names.get(r.partnerId) ?? r.partnerId} · {shortDate(r.approved ?? r.created)} ·{' '}
                {r.objectIds.length} {r.objectIds.length === 1 ? 'object' : 'objects'} · {r.status}
              </option>
            ))}
          </select>
          {(partnerId || releaseId) && <Link to={ledgerPath('', '')}>Clear the filters</Link>}
          <button
            type="button"
            className="secondary"
            onClick={() => {
              entries.reload();
              verdict.reload();
            }}
          >
            Verify again
          </button>
        </form>
        <LoadState state={entries} label="Ledger">
          {(d) => (
            <LedgerTable
              entries={d.entries}
              partnerId={partnerId}
              releaseId={releaseId}
              releases={releases.data?.releases ?? []}
            />
          )}
        </LoadState>
      </Panel>
    </div>
  );
}

function LedgerTable(props: {
  entries: LedgerRowView[];
  partnerId: string;
  releaseId: string;
  releases: ReleaseView[];
}) {
  const [shown, setShown] = useState(PAGE);
  const { entries } = props;
  // A release reads by the day it was approved; its id stays in the tooltip.
  const approvedOn = new Map(props.releases.map((r) => [r.id, shortDate(r.approved ?? r.created)]));
  if (entries.length === 0) {
    return (
      <p className="muted">
        {props.partnerId || props.releaseId
          ? 'Nothing was disclosed under these filters.'
          : 'Nothing has been disclosed yet.'}
      </p>
    );
  }
  // The latest entries first: the chain grows at its end, and that is what people look for.
  const latest = entries.slice(-shown).reverse();
  return (
    <>
      <p className="muted" data-testid="ledger-count">
        {entries.length > latest.length
          ? `The latest ${latest.length} of ${entries.length} entries.`
          : `${entries.length} ${entries.length === 1 ? 'entry' : 'entries'}.`}
      </p>
      <table className="ledger">
        <caption className="sr-only">Ledger entries, latest first</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">When</th>
            <th scope="col">Action</th>
            <th scope="col">Partner</th>
            <th scope="col">Object</th>
            <th scope="col">Release of</th>
            <th scope="col">Approver</th>
            <th scope="col">Hash</th>
          </tr>
        </thead>
        <tbody>
          {latest.map((e) => (
            <tr key={e.seq}>
              <td>{e.seq}</td>
              <td>{shortDate(e.at)}</td>
              <td>{e.action}</td>
              <td>
                <Link to={ledgerPath(e.partnerId, '')}>{e.partnerName}</Link>
              </td>
              <td>
                <span className="badge">{e.objectType}</span>{' '}
                {e.sourceId ? (
                  <Link to={`/objects/${encodeURIComponent(e.sourceId)}`}>{e.objectName}</Link>
                ) : (
                  e.objectName
                )}
                <br />
                <code className="muted" title="The id the partner received">
                  {e.objectId}
                </code>
              </td>
              <td>
                <span title={e.releaseId}>
                  <Link to={ledgerPath(e.partnerId, e.releaseId)}>
                    {approvedOn.get(e.releaseId) ?? e.releaseId.slice(0, 8)}
                  </Link>
                </span>
              </td>
              <td>{e.approver}</td>
              <td>
                <code>{e.hash.slice(0, 12)}…</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {entries.length > latest.length && (
        <button type="button" className="secondary" onClick={() => setShown((n) => n + PAGE)}>
          Show {Math.min(PAGE, entries.length - latest.length)} earlier entries
        </button>
      )}
    </>
  );
}
