import { useState } from 'react';
import { callApi, type User } from '../api.js';
import { Link } from '../router.js';
import { shortDate } from '../ui.js';
import { useAction } from '../use-action.js';
import { ReleasePreview } from './release-preview.js';
import { ReleaseApproval } from './release-approval.js';
import { WorkProgress } from './sharing-progress.js';
import type { PreviewView, ReleaseView } from './sharing-types.js';

/**
 * One release in the list: its state, and the step the signed-in person may take on it
 * (preview, open the preview to approve, revoke), with the preview shown in place.
 */
export function ReleaseRow(props: {
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
        <strong>{props.partnerName}</strong> · {r.objectIds.length}{' '}
        {r.objectIds.length === 1 ? 'object' : 'objects'} · drafted by {r.author} on{' '}
        {shortDate(r.created)}
        {r.approver && ` · approved by ${r.approver}`}
        {r.revoked && ` · revoked ${shortDate(r.revoked)} (${r.revokeReason ?? ''})`}
      </p>
      {(r.status === 'delivered' || r.status === 'revoked') && (
        <p className="links">
          <Link to={`/sharing/ledger?release=${encodeURIComponent(r.id)}`}>
            Its entries in the ledger
          </Link>
        </p>
      )}
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
