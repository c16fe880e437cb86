// A tiny History-API router.
//
// Public pages replace the current history entry instead of pushing new ones, so the whole
// public site occupies a single entry in the tab's history: after quick exit (which replaces
// that entry) the Back button cannot return to any page of this site. Only moves between
// staff pages push entries.
const normalize = (p: string): string => (p.length > 1 ? p.replace(/\/+$/, '') || '/' : p);
let path = $state(normalize(location.pathname));
// After an in-app navigation the new page's main heading takes focus, so keyboard and
// screen-reader users start at the new content. Not on first load.
let focusPending = false;

export const route = {
  get path(): string {
    return path;
  },
};

export const isStaffPath = (p: string): boolean => p === '/staff' || p.startsWith('/staff/');

export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  const url = new URL(to, location.href);
  if (url.origin !== location.origin) {
    location.assign(url.href);
    return;
  }
  const target = url.pathname + url.search + url.hash;
  const push = !opts.replace && isStaffPath(path) && isStaffPath(normalize(url.pathname));
  if (push) history.pushState(null, '', target);
  else history.replaceState(null, '', target);
  const next = normalize(url.pathname);
  if (next !== path) {
    focusPending = true;
    window.scrollTo(0, 0);
  }
  path = next;
}

/** Svelte action for a page's <h1>: focus it if we arrived by in-app navigation. */
export function pageHeading(node: HTMLElement): void {
  node.tabIndex = -1;
  if (focusPending) {
    focusPending = false;
    node.focus();
  }
}

window.addEventListener('popstate', () => {
  focusPending = true;
  path = normalize(location.pathname);
});

// Same-origin links navigate inside the app. Modified clicks, downloads, other targets,
// tel: links, API URLs and in-page #anchors keep their normal behaviour.
document.addEventListener('click', (e) => {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const a = e.target instanceof Element ? e.target.closest('a') : null;
  if (!a || !a.href || a.hasAttribute('download') || (a.target && a.target !== '_self')) return;
  const url = new URL(a.href);
  if (url.origin !== location.origin || url.pathname.startsWith('/api/')) return;
  if (url.pathname === location.pathname && url.hash) return;
  e.preventDefault();
  navigate(url.pathname + url.search + url.hash);
});
