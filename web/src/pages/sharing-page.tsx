import { useEffect } from 'react';
import type { User } from '../api.js';
import { navigate } from '../router.js';
import { SharingNav, SHARING_VIEWS, type SharingView } from './sharing-nav.js';
import { PartnersView } from './sharing-partners-view.js';
import { AgreementsView } from './sharing-agreements-view.js';
import { ReleasesView } from './sharing-releases.js';
import { NewReleaseView } from './sharing-new-release.js';
import { LedgerView } from './sharing-ledger.js';
import './sharing-console.css';

/**
 * The sharing area: a sub-navigation and the one view its path names (`/sharing/partners`,
 * `/sharing/agreements`, `/sharing/releases`, `/sharing/releases/new`, `/sharing/approvals`,
 * `/sharing/ledger?partner=…&release=…`), each its own page for Back, reload and links.
 *
 * @example <SharingPage user={user} parts={['ledger']} search="partner=identity--…" />
 */
export function SharingPage(props: { user: User; parts: string[]; search: string }) {
  const view = toView(props.parts);
  useEffect(() => {
    // `/sharing` alone has nothing of its own: it opens the releases, the daily work.
    if (view === undefined && props.parts.length === 0) {
      navigate('/sharing/releases', { replace: true });
    }
  }, [view, props.parts.length]);
  useEffect(() => {
    const label = SHARING_VIEWS.find((v) => v.view === view)?.label;
    document.title = label ? `${label} · Sharing · Tearline` : 'Tearline';
    // Other pages keep the application's title; leaving the sharing area gives it back.
    return () => {
      document.title = 'Tearline';
    };
  }, [view]);
  if (view === undefined) {
    return (
      <p role="status" className="muted">
        {props.parts.length === 0 ? 'Opening the releases…' : 'There is no such sharing view.'}
      </p>
    );
  }
  const query = new URLSearchParams(props.search);
  return (
    <>
      <h1>Sharing</h1>
      <SharingNav user={props.user} current={view} />
      {view === 'partners' && <PartnersView user={props.user} />}
      {view === 'agreements' && <AgreementsView user={props.user} />}
      {view === 'releases' && (
        <ReleasesView
          user={props.user}
          approvals={false}
          drafted={query.get('drafted') ?? undefined}
        />
      )}
      {view === 'approvals' && <ReleasesView user={props.user} approvals />}
      {view === 'new-release' && (
        <NewReleaseView partnerId={query.get('partner') ?? ''} user={props.user} />
      )}
      {view === 'ledger' && (
        <LedgerView partnerId={query.get('partner') ?? ''} releaseId={query.get('release') ?? ''} />
      )}
    </>
  );
}

function toView(parts: string[]): SharingView | undefined {
  const [first, second] = parts;
  if (first === 'releases' && second === 'new') return 'new-release';
  if (second !== undefined) return undefined;
  return SHARING_VIEWS.find((v) => v.view === first)?.view;
}
