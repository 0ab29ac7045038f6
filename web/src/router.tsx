import { useEffect, useState, type MouseEvent, type ReactNode } from 'react';

const listeners = new Set<() => void>();

/**
 * Moves the single-page application to a path without reloading; `replace` rewrites the current
 * history entry instead (a redirect, or a filter that should not add a step to Back).
 *
 * @example navigate('/actors/ISIS-K')
 */
export function navigate(
  path: string,
  options: { replace?: boolean; keepScroll?: boolean } = {},
): void {
  if (options.replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  if (!options.keepScroll) window.scrollTo(0, 0);
  for (const l of listeners) l();
}

/**
 * The current location path, updated on navigation and the browser's back button.
 *
 * @example const path = usePath()
 */
export function usePath(): string {
  const [path, setPath] = useState(window.location.pathname + window.location.search);
  useEffect(() => {
    const update = () => setPath(window.location.pathname + window.location.search);
    listeners.add(update);
    window.addEventListener('popstate', update);
    // A child's effect runs before this one: a redirect it made on the first render (\`/sharing\`
    // → \`/sharing/releases\`) came before the listener was here, so read the location again.
    update();
    return () => {
      listeners.delete(update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return path;
}

/** An in-app link: a real anchor (keyboard, middle-click) that navigates without a reload. */
export function Link(props: {
  to: string;
  children: ReactNode;
  className?: string;
  /** Marks the link as the page being shown (`aria-current="page"`). */
  current?: boolean;
}) {
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(props.to);
  };
  return (
    <a
      href={props.to}
      onClick={onClick}
      className={props.className}
      aria-current={props.current ? 'page' : undefined}
    >
      {props.children}
    </a>
  );
}
