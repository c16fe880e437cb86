// Quick exit: blank the page at once, then replace this history entry with a neutral page.
const DEFAULT_EXIT_URL = 'about:blank';

export function quickExitUrl(): string {
  const meta = document.querySelector<HTMLMetaElement>('meta[name="qorgau-quick-exit"]');
  const raw = meta?.content?.trim();
  if (!raw) return DEFAULT_EXIT_URL;
  if (raw === 'about:blank') return raw;
  try {
    const url = new URL(raw);
    if (url.protocol === 'https:' || url.protocol === 'http:') return url.href;
  } catch {
    // fall through
  }
  return DEFAULT_EXIT_URL;
}

let leaving = false;

export function quickExit(): void {
  if (leaving) return;
  leaving = true;
  const url = quickExitUrl();
  // Remove every visible trace first, so nothing stays on screen while the next page loads.
  document.title = '';
  document.body.replaceChildren();
  document.body.className = 'qe-blank';
  window.location.replace(url);
}
