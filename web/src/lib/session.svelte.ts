// The signed-in staff member, kept in memory only.
import { api, ApiError, setCsrfToken, type SessionInfo, type User } from './api';
import { navigate } from './router.svelte';

let user = $state<User | null>(null);
/** A message to show on the login page (e.g. "session expired"), set when we send the user there. */
let loginNotice = $state<string | null>(null);

export const session = {
  get user(): User | null {
    return user;
  },
  get loginNotice(): string | null {
    return loginNotice;
  },
  can(permission: string): boolean {
    return user?.permissions.includes(permission) ?? false;
  },
};

export function signedIn(info: SessionInfo): void {
  user = info.user;
  setCsrfToken(info.csrf_token);
  loginNotice = null;
}

export function clearSession(): void {
  user = null;
  setCsrfToken(null);
}

export function clearLoginNotice(): void {
  loginNotice = null;
}

/** Ask the server who is signed in. Resolves false (and goes to /login) when nobody is. */
export async function loadSession(): Promise<boolean> {
  try {
    signedIn(await api<SessionInfo>('GET', '/session'));
    return true;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      sendToLogin(e.code === 'session_expired' ? e.message : null);
      return false;
    }
    throw e;
  }
}

/** Call after any staff API call fails: a 401 means the session is gone. Returns true if handled. */
export function handleAuthError(e: unknown): boolean {
  if (e instanceof ApiError && e.status === 401) {
    sendToLogin(e.message);
    return true;
  }
  return false;
}

function sendToLogin(notice: string | null): void {
  clearSession();
  loginNotice = notice;
  navigate('/login', { replace: true });
}

export async function logout(): Promise<void> {
  try {
    await api<void>('DELETE', '/session');
  } catch {
    // Whatever the server says, forget the session here and leave.
  } finally {
    clearSession();
    navigate('/', { replace: true });
  }
}
