// The only way the app talks to the network: same-origin JSON calls to /api/v1.
import { i18n, t } from './i18n.svelte';
import type { Lang } from './i18n.svelte';

export type Names = Partial<Record<Lang, string>>;

export interface Agency {
  id: number;
  name: string;
  kind: string;
  region_kato: string;
}

export interface User {
  id: number;
  username: string;
  display_name: string;
  role: string;
  status: 'active' | 'disabled' | string;
  agency: Agency | null;
  permissions: string[];
}

export interface SessionInfo {
  user: User;
  csrf_token: string;
}

export interface Region {
  kato: string;
  iso_3166_2: string;
  kind: string;
  name: Names;
}

export interface EmergencyNumber {
  number: string;
  label: Names;
}

export interface Role {
  name: string;
  scope: string;
  permissions: string[];
}

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string | null;
  action: string;
  object_type: string | null;
  object_id: string | null;
  ip?: string | null;
  outcome: string;
}

export interface AuditPage {
  entries: AuditEntry[];
  next_after: number | null;
}

export interface AuditVerify {
  intact: boolean;
  entries: number;
  first_broken_seq: number | null;
  reason: string | null;
}

/** An error from the server ({"error":{"code","message"}}) or from the network. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

// The CSRF token lives in memory only, never in browser storage.
let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Method = 'GET' | 'POST' | 'DELETE' | 'PUT' | 'PATCH';

export async function api<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': i18n.lang,
  };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
    });
  } catch {
    throw new ApiError(0, 'network_error', t('error.network'));
  }

  if (res.status === 204) return undefined as T;
  let data: unknown = null;
  const text = await res.text();
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!res.ok) {
    const err = (data as { error?: { code?: unknown; message?: unknown } } | null)?.error;
    const code = typeof err?.code === 'string' ? err.code : 'http_error';
    const message =
      typeof err?.message === 'string' && err.message ? err.message : t('error.unexpected', { status: res.status });
    throw new ApiError(res.status, code, message);
  }
  return data as T;
}

export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  return t('error.unexpected', { status: 0 });
}
