import type { User } from '../api.js';
import { Link } from '../router.js';
import { mayAct, type SharingRole } from './sharing-roles.js';

/** The views of the sharing area, each with its own URL. */
export type SharingView =
  'releases' | 'new-release' | 'approvals' | 'partners' | 'agreements' | 'ledger';

/** Every sharing view: its path, its label, and the role it needs to be offered (none: everyone). */
export const SHARING_VIEWS: ReadonlyArray<{
  view: SharingView;
  path: string;
  label: string;
  role?: SharingRole;
}> = [
  { view: 'releases', path: '/sharing/releases', label: 'Releases' },
  { view: 'new-release', path: '/sharing/releases/new', label: 'New release', role: 'analyst' },
  { view: 'approvals', path: '/sharing/approvals', label: 'Awaiting approval', role: 'approver' },
  { view: 'partners', path: '/sharing/partners', label: 'Partners' },
  { view: 'agreements', path: '/sharing/agreements', label: 'Agreements' },
  { view: 'ledger', path: '/sharing/ledger', label: 'Ledger' },
];

/** The sharing area's own small navigation; the current view is marked for screen readers. */
export function SharingNav(props: { user: User; current: SharingView }) {
  return (
    <nav aria-label="Sharing" className="sub-nav">
      <ul>
        {SHARING_VIEWS.filter((v) => v.role === undefined || mayAct(props.user, v.role)).map(
          (v) => (
            <li key={v.view}>
              <Link to={v.path} current={v.view === props.current}>
                {v.label}
              </Link>
            </li>
          ),
        )}
      </ul>
    </nav>
  );
}
