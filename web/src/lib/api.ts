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

/**
 * An error from the server ({"error":{"code","message","field"?}}) or from the network. `field`
 * names the refused input by its path in the request ("kinds", "channels[1].address"), never its
 * value; lib/fielderrors.ts puts the message beside that input.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field: string | null = null,
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
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  return send<T>(method, path, body === undefined ? undefined : JSON.stringify(body), headers);
}

/**
 * Sends a file as the raw request body (e.g. evidence), with the caller's extra headers; the
 * same CSRF token and error handling as api().
 */
export function upload<T>(path: string, file: Blob, extraHeaders: Record<string, string> = {}): Promise<T> {
  return send<T>('POST', path, file, { 'Content-Type': 'application/octet-stream', ...extraHeaders });
}

async function send<T>(
  method: Method,
  path: string,
  body: BodyInit | undefined,
  extraHeaders: Record<string, string>,
): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': i18n.lang,
    ...extraHeaders,
  };
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, {
      method,
      headers,
      body,
      credentials: 'same-origin',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
    });
  } catch {
    throw new ApiError(0, 'network_error', t('error.network'));
  }
  return readReply<T>(res);
}

/** The JSON of a reply, or the server's error (its message is in the request's language). */
async function readReply<T>(res: Response): Promise<T> {
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  if (!res.ok) throw errorFromAnswer(res.status, text);
  return parseJson(text) as T;
}

function parseJson(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** The ApiError for a refused request, from its status and body ({"error":{"code","message","field"?}}). */
export function errorFromAnswer(status: number, text: string): ApiError {
  const err = (parseJson(text) as { error?: { code?: unknown; message?: unknown; field?: unknown } } | null)?.error;
  const code = typeof err?.code === 'string' ? err.code : 'http_error';
  const message =
    typeof err?.message === 'string' && err.message ? err.message : t('error.unexpected', { status });
  const field = typeof err?.field === 'string' && err.field ? err.field : null;
  return new ApiError(status, code, message, field);
}

export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  return t('error.unexpected', { status: 0 });
}
