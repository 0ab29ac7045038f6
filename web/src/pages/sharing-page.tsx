import { useState, type FormEvent } from 'react';
import { callApi, toQuery, type User } from '../api.js';
import type { StixObject } from '../stix.js';
import { LoadState, nameOf, Panel, shortDate } from '../ui.js';
import { useLoad } from '../use-load.js';
import { ReleasePreview } from './release-preview.js';
import { ReleaseApproval } from './release-approval.js';
import {
  TRANSFORM_CHOICES,
  type AgreementRow,
  type LedgerEntry,
  type LedgerVerdictView,
  type Partner,
  type PreviewView,
  type ReleaseView,
} from './sharing-types.js';
import { PartnersPanel } from './sharing-partners.js';
import { AgreementsPanel } from './sharing-agreements.js';
import { WorkProgress } from './sharing-progress.js';
import { mayAct } from './sharing-roles.js';
import { useAction } from '../use-action.js';
import './sharing-console.css';

/** The sharing console: partners, agreements, releases with preview and approval, the ledger. */
export function SharingPage(props: { user: User; approvals: boolean }) {
  const partners = useLoad(() => callApi<{ partners: Partner[] }>('GET', '/api/partners'), []);
  const agreements = useLoad(
    () => callApi<{ agreements: AgreementRow[] }>('GET', '/api/agreements'),
    [],
  );
  const releases = useLoad(
    () =>
      callApi<{ releases: ReleaseView[] }>(
        'GET',
        `/api/releases${toQuery({ status: props.approvals ? 'previewed' : undefined })}`,
      ),
    [props.approvals],
  );
  const names = new Map((partners.data?.partners ?? []).map((p) => [p.id, p.name]));
  // Kept here, not in the row: an approved release leaves the approvals list with its row.
  const [notice, setNotice] = useState<string>();
  const changed = (text: string) => {
    setNotice(text);
    releases.reload();
  };
  const isAnalyst = mayAct(props.user, 'analyst');
  return (
    <>
      <h1>{props.approvals ? 'Releases awaiting approval' : 'Sharing'}</h1>
      <div className="grid two-col">
        {!props.approvals && (
          <>
            <PartnersPanel
              state={partners}
              canAdd={isAnalyst}
              canManageCredentials={props.user.roles.includes('admin')}
            />
            <AgreementsPanel
              state={agreements}
              partners={partners.data?.partners ?? []}
              user={props.user}
              onChanged={releases.reload}
            />
            {isAnalyst && (
              <NewRelease partners={partners.data?.partners ?? []} onCreated={releases.reload} />
            )}
          </>
        )}
        <Panel title="Releases" wide>
          {notice && (
            <p className="ok" role="status">
              {notice}
            </p>
          )}
          <LoadState state={releases} label="Releases">
            {(d) =>
              d.releases.length === 0 ? (
                <p className="muted">
                  No releases{props.approvals ? ' wait for approval' : ' yet'}.
                </p>
              ) : (
                <ul className="releases">
                  {d.releases.map((r) => (
                    <ReleaseRow
                      key={r.id}
                      release={r}
                      partnerName={names.get(r.partnerId) ?? r.partnerId}
                      user={props.user}
                      onChange={changed}
                    />
                  ))}
                </ul>
              )
            }
          </LoadState>
        </Panel>
        {!props.approvals && <LedgerPanel />}
      </div>
    </>
  );
}

function NewRelease(props: { partners: Partner[]; onCreated: () => void }) {
  const [partnerId, setPartnerId] = useState('');
  const [q, setQ] = useState('');
  const [found, setFound] = useState<StixObject[]>([]);
  const [chosen, setChosen] = useState<StixObject[]>([]);
  const [transforms, setTransforms] = useState<Set<string>>(new Set(['strip-sources']));
  const action = useAction();
  const search = async (e: FormEvent) => {
    e.preventDefault();
    const r = await callApi<{ objects: StixObject[] }>(
      'GET',
      `/api/search${toQuery({ q, limit: 20 })}`,
    ).catch(() => ({ objects: [] }));
    setFound(r.objects);
  };
  const create = () =>
    action.run('Release drafted; preview it below.', async () => {
      await callApi('POST', '/api/releases', {
        partnerId,
        objectIds: chosen.map((o) => o.id),
        transforms: TRANSFORM_CHOICES.filter((t) => transforms.has(t.key)).map((t) => t.transform),
      });
      setChosen([]);
      props.onCreated();
    });
  return (
    <Panel title="New release" wide>
      <div className="stack">
        <div className="row">
          <div>
            <label htmlFor="rel-partner">Partner</label>
            <select
              id="rel-partner"
              value={partnerId}
              onChange={(e) => setPartnerId(e.target.value)}
            >
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
        <fieldset>
          <legend>Tearline transforms</legend>
          <ul className="checks">
            {TRANSFORM_CHOICES.map((t) => (
              <li key={t.key}>
                <label>
                  <input
                    type="checkbox"
                    checked={transforms.has(t.key)}
                    onChange={(e) =>
                      setTransforms((s) => {
                        const n = new Set(s);
                        if (e.target.checked) n.add(t.key);
                        else n.delete(t.key);
                        return n;
                      })
                    }
                  />{' '}
                  {t.label}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <WorkProgress busy={action.busy} label={`Drafting a release of ${chosen.length} objects`} />
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
    </Panel>
  );
}

function ReleaseRow(props: {
  release: ReleaseView;
  partnerName: string;
  user: User;
  onChange: (notice: string) => void;
}) {
  const [preview, setPreview] = useState<PreviewView>();
  // After a preview the row shows the release as the server now holds it (status previewed).
  const r = preview && props.release.status === 'draft' ? preview.release : props.release;
  const [reason, setReason] = useState('');
  const [step, setStep] = useState('');
  const action = useAction();
  const mine = r.author === props.user.username;
  const count = r.objectIds.length.toLocaleString('en');
  const isApprover = props.user.roles.includes('approver') || props.user.roles.includes('admin');
  const doPreview = () => {
    setStep(`Building the preview of ${count} objects`);
    return action.run('Preview built: this is exactly what the partner will receive.', async () => {
      setPreview(await callApi<PreviewView>('POST', `/api/releases/${r.id}/preview`));
    });
  };
  return (
    <li className="release" data-release={r.id} aria-busy={action.busy}>
      <p>
        <span className={`badge status-${r.status}`}>{r.status}</span> To{' '}
        <strong>{props.partnerName}</strong> · {r.objectIds.length} objects · drafted by {r.author}{' '}
        on {shortDate(r.created)}
        {r.approver && ` · approved by ${r.approver}`}
        {r.revoked && ` · revoked ${shortDate(r.revoked)} (${r.revokeReason ?? ''})`}
      </p>
      <div className="actions">
        {(r.status === 'draft' || r.status === 'previewed') && (
          <button
            type="button"
            className="secondary"
            onClick={() => void doPreview()}
            disabled={action.busy}
          >
            Preview
          </button>
        )}
        {r.status === 'previewed' && isApprover && !mine && (
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setStep('Opening the current preview');
              // Fetching the current preview is what the API requires before an approval.
              void action.run('Preview opened: check it, then approve below.', async () => {
                setPreview(await callApi<PreviewView>('GET', `/api/releases/${r.id}/preview`));
              });
            }}
            disabled={action.busy}
          >
            Open preview to approve
          </button>
        )}
        {r.status === 'previewed' && isApprover && mine && (
          <span className="muted">You drafted this release; another approver must approve it.</span>
        )}
        {r.status === 'delivered' && (
          <>
            <label htmlFor={`revoke-${r.id}`} className="sr-only">
              Reason for revoking
            </label>
            <input
              id={`revoke-${r.id}`}
              placeholder="Reason for revoking"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
            <button
              type="button"
              className="danger"
              disabled={action.busy || !reason.trim()}
              onClick={() => {
                setStep(`Revoking ${count} objects`);
                void action.run('Revoked.', async () => {
                  await callApi('POST', `/api/releases/${r.id}/revoke`, { reason });
                  props.onChange(
                    `Revoked the release to ${props.partnerName}; the partner receives the revocation.`,
                  );
                });
              }}
            >
              Revoke
            </button>
          </>
        )}
      </div>
      <WorkProgress busy={action.busy} label={step} />
      {action.view}
      {preview && r.status === 'previewed' && isApprover && !mine && (
        <ReleaseApproval
          releaseId={r.id}
          findings={preview.findings ?? []}
          busy={action.busy}
          onApprove={(acknowledgements) => {
            setStep(`Approving and delivering ${count} objects`);
            void action.run('Approved and delivered.', async () => {
              await callApi('POST', `/api/releases/${r.id}/approve`, { acknowledgements });
              props.onChange(`Approved and delivered the release to ${props.partnerName}.`);
            });
          }}
        />
      )}
      {preview && <ReleasePreview preview={preview} />}
    </li>
  );
}

function LedgerPanel() {
  const entries = useLoad(() => callApi<{ entries: LedgerEntry[] }>('GET', '/api/ledger'), []);
  const verdict = useLoad(() => callApi<LedgerVerdictView>('GET', '/api/ledger/verify'), []);
  return (
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
      <LoadState state={entries} label="Ledger">
        {(d) => (
          <table>
            <caption className="sr-only">Ledger entries in chain order</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">When</th>
                <th scope="col">Action</th>
                <th scope="col">Object</th>
                <th scope="col">Approver</th>
                <th scope="col">Hash</th>
              </tr>
            </thead>
            <tbody>
              {d.entries.slice(-50).map((e) => (
                <tr key={e.seq}>
                  <td>{e.seq}</td>
                  <td>{shortDate(e.at)}</td>
                  <td>{e.action}</td>
                  <td>
                    <code>{e.objectId}</code>
                  </td>
                  <td>{e.approver}</td>
                  <td>
                    <code>{e.hash.slice(0, 12)}…</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </LoadState>
    </Panel>
  );
}
