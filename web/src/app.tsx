import { AuditPage } from './pages/audit-page.js';
import { lazy, Suspense, useEffect, useState, type FormEvent } from 'react';
import { ApiError, callApi, SESSION_ENDED, setCsrfToken, type User } from './api.js';
import type { ApiAnswer } from './api-types.js';
import { Link, navigate, usePath } from './router.js';
import { DashboardPage } from './pages/dashboard-page.js';
import { SearchPage } from './pages/search-page.js';
import { ObjectPage } from './pages/object-page.js';
import { ActorPage } from './pages/actor-page.js';
import { ActorsPage } from './pages/actors-page.js';
import { InboxPage } from './pages/inbox-page.js';
import { SharingPage } from './pages/sharing-page.js';

// The graph is the heaviest screen after the map; it loads only when opened.
const GraphPage = lazy(() =>
  import('./pages/graph-page.js').then((m) => ({ default: m.GraphPage })),
);

/** What the shell keeps of a session: the answer of GET /api/session/me or POST /api/session. */
type Session = Pick<ApiAnswer<'/api/session/me', 'get'>, 'user' | 'csrfToken'>;

/**
 * The application: sign-in, then the role-aware shell around the page the path names.
 *
 * @example createRoot(el).render(<App />)
 */
export function App() {
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  useEffect(() => {
    callApi<ApiAnswer<'/api/session/me', 'get'>>('GET', '/api/session/me').then(
      (s) => {
        setCsrfToken(s.csrfToken ?? '');
        setSession(s);
      },
      () => setSession(null),
    );
    const ended = () => setSession(null);
    window.addEventListener(SESSION_ENDED, ended);
    return () => window.removeEventListener(SESSION_ENDED, ended);
  }, []);
  if (session === undefined) {
    return (
      <p className="muted centre" role="status">
        Loading Tearline…
      </p>
    );
  }
  if (session === null) {
    return (
      <SignIn
        onSignedIn={(s) => {
          setCsrfToken(s.csrfToken ?? '');
          setSession(s);
        }}
      />
    );
  }
  return (
    <Shell
      user={session.user}
      onSignOut={async () => {
        await callApi('DELETE', '/api/session').catch(() => undefined);
        setCsrfToken('');
        setSession(null);
        navigate('/');
      }}
    />
  );
}

function SignIn(props: { onSignedIn: (s: Session) => void }) {
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError('');
    try {
      const s = await callApi<ApiAnswer<'/api/session', 'post'>>('POST', '/api/session', {
        username: String(form.get('username') ?? ''),
        password: String(form.get('password') ?? ''),
      });
      props.onSignedIn(s);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'The server could not be reached.');
    } finally {
      setBusy(false);
    }
  };
  return (
    <main className="sign-in">
      <form onSubmit={(e) => void submit(e)} aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">
          <span className="brand-mark" aria-hidden="true">
            ▍
          </span>
          Tearline
        </h1>
        <p className="muted">Sign in to the analysts' workbench.</p>
        <label htmlFor="username">Username</label>
        <input id="username" name="username" autoComplete="username" required autoFocus />
        <label htmlFor="password">Password</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
        />
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}

interface NavItem {
  to: string;
  label: string;
  roles?: Array<User['roles'][number]>;
}

const NAV: NavItem[] = [
  { to: '/', label: 'Dashboard' },
  { to: '/inbox', label: 'Inbox', roles: ['analyst'] },
  { to: '/actors', label: 'Actors' },
  { to: '/search', label: 'Search' },
  { to: '/sharing', label: 'Sharing', roles: ['analyst', 'approver'] },
  { to: '/sharing/approvals', label: 'Approvals', roles: ['approver'] },
  { to: '/users', label: 'Users', roles: ['admin'] },
  { to: '/audit', label: 'Audit', roles: ['admin'] },
];

function Shell(props: { user: User; onSignOut: () => Promise<void> }) {
  const path = usePath();
  const { user } = props;
  const can = (item: NavItem) =>
    !item.roles || user.roles.includes('admin') || item.roles.some((r) => user.roles.includes(r));
  const pathname = path.split('?')[0] ?? '/';
  const active = (to: string) =>
    to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`);
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="top">
        <Link to="/" className="brand">
          <span className="brand-mark" aria-hidden="true">
            ▍
          </span>
          Tearline
        </Link>
        <nav aria-label="Main">
          <ul>
            {NAV.filter(can).map((item) => (
              <li key={item.to}>
                <Link
                  to={item.to}
                  className={
                    active(item.to) &&
                    !(item.to === '/sharing' && pathname === '/sharing/approvals')
                      ? 'active'
                      : ''
                  }
                >
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="who">
          <span>
            {user.displayName || user.username}{' '}
            <span className="muted">({user.roles.join(', ')})</span>
          </span>
          <button type="button" className="link-button" onClick={() => void props.onSignOut()}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Route path={pathname} search={path.split('?')[1] ?? ''} user={user} />
      </main>
    </>
  );
}

function Route(props: { path: string; search: string; user: User }) {
  const { path, user } = props;
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  switch (parts[0]) {
    case undefined:
      return <DashboardPage />;
    case 'inbox':
      return <InboxPage />;
    case 'search':
      return <SearchPage query={new URLSearchParams(props.search).get('q') ?? ''} />;
    case 'actors':
      if (parts[1] && parts[2] === 'graph') {
        return (
          <Suspense fallback={<p role="status">Loading the graph…</p>}>
            <GraphPage actor={parts[1]} />
          </Suspense>
        );
      }
      return parts[1] ? <ActorPage actor={parts[1]} user={user} /> : <ActorsPage />;
    case 'objects':
      return parts[1] ? <ObjectPage id={parts[1]} /> : <NotFound />;
    case 'sharing':
      return <SharingPage user={user} parts={parts.slice(1)} search={props.search} />;
    case 'users':
      return <UsersPage />;
    case 'audit':
      return <AuditPage />;
    default:
      return <NotFound />;
  }
}

function UsersPage() {
  const [users, setUsers] = useState<User[] | string>();
  useEffect(() => {
    callApi<ApiAnswer<'/api/users', 'get'>>('GET', '/api/users').then(
      (r) => setUsers(r.users),
      (e: Error) => setUsers(e.message),
    );
  }, []);
  return (
    <>
      <h1>Users</h1>
      {typeof users === 'string' ? (
        <p className="error">{users}</p>
      ) : (
        <table>
          <caption className="sr-only">Users and their roles</caption>
          <thead>
            <tr>
              <th scope="col">Username</th>
              <th scope="col">Name</th>
              <th scope="col">Roles</th>
            </tr>
          </thead>
          <tbody>
            {(users ?? []).map((u) => (
              <tr key={u.id}>
                <td>{u.username}</td>
                <td>{u.displayName}</td>
                <td>{u.roles.join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="muted">Add users with “tearline user add” or POST /api/users.</p>
    </>
  );
}

function NotFound() {
  return (
    <>
      <h1>Not found</h1>
      <p>
        There is no page here. <Link to="/">Back to the dashboard</Link>.
      </p>
    </>
  );
}
