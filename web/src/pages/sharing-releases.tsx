import { useState } from 'react';
import { callApi, toQuery, type User } from '../api.js';
import { Link } from '../router.js';
import { LoadState, Panel } from '../ui.js';
import { useLoad } from '../use-load.js';
import { ReleaseRow } from './sharing-release-row.js';
import { mayAct } from './sharing-roles.js';
import type { PartnerList, ReleaseList } from './sharing-types.js';

/**
 * `/sharing/releases` (every release, newest first) and `/sharing/approvals` (those previewed and
 * waiting for a second person): preview, approve, revoke in place.
 */
export function ReleasesView(props: { user: User; approvals: boolean; drafted?: string }) {
  const partners = useLoad(() => callApi<PartnerList>('GET', '/api/partners'), []);
  const releases = useLoad(
    () =>
      callApi<ReleaseList>(
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
  const drafted = releases.data?.releases.find((r) => r.id === props.drafted);
  return (
    <div className="grid">
      <Panel title={props.approvals ? 'Releases awaiting approval' : 'Releases'} wide>
        {!props.approvals && mayAct(props.user, 'analyst') && (
          <p>
            <Link to="/sharing/releases/new" className="button-link">
              Draft a new release
            </Link>
          </p>
        )}
        {drafted && !notice && (
          <p className="ok" role="status">
            Release to {names.get(drafted.partnerId) ?? drafted.partnerId} drafted; preview it
            below.
          </p>
        )}
        {notice && (
          <p className="ok" role="status">
            {notice}
          </p>
        )}
        <LoadState state={releases} label="Releases">
          {(d) =>
            d.releases.length === 0 ? (
              <p className="muted">No releases{props.approvals ? ' wait for approval' : ' yet'}.</p>
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
    </div>
  );
}
