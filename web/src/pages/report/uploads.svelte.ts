// Files a reporter attaches to her report: chosen in the form (or on the status page), then sent
// one at a time to POST /api/v1/intake/attachments with the report's receipt in headers.
//
// Invariants:
// - A File is held only in this queue's memory and sent as it is (XMLHttpRequest streams it
//   from disk): never read into memory, never put in browser storage. clear() aborts the upload
//   under way and drops every file.
// - An item is "received" only when the server acknowledged it (201) with its SHA-256.
// - Uploads run one after another (a slow phone connection is not split between files).
import { ApiError, errorFromAnswer } from '../../lib/api';
import { i18n, t } from '../../lib/i18n.svelte';

export interface Receipt {
  code: string;
  secret: string;
}

/** What the server answers for an attachment (201, and in the receipt view). */
export interface Attachment {
  kind: string;
  mime: string;
  size: number;
  sha256: string;
  received_at: string;
}

export type UploadState = 'chosen' | 'waiting' | 'sending' | 'received' | 'failed';

export interface Upload {
  id: number;
  file: File;
  state: UploadState;
  /** Bytes sent so far. */
  sent: number;
  error: string | null;
  attachment: Attachment | null;
}

/** What the file pickers offer (the server decides by the file's first bytes). */
export const ACCEPTED_TYPES = 'image/*,video/*,audio/*,application/pdf';

/** The server's kind of a file, guessed from the browser's type before the server says. */
export function kindOf(mime: string): 'photo' | 'video' | 'audio' | 'document' {
  if (mime.startsWith('image/')) return 'photo';
  if (mime.startsWith('video/')) return 'video';
  if (mime.startsWith('audio/')) return 'audio';
  return 'document';
}

/** A file size for people: "820 KB", "1.4 GB", in the page's language. */
export function formatSize(bytes: number): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return new Intl.NumberFormat(i18n.locale, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: unit < 2 ? 0 : 1,
  }).format(value);
}

// X-Evidence-Filename: the name percent-encoded, at most 255 bytes; a longer name loses
// characters before its extension, never in the middle of one.
const NAME_LIMIT = 255;
export function encodedName(name: string): string {
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
  const stem = Array.from(ext ? name.slice(0, dot) : name);
  let encoded = encodeURIComponent(stem.join('') + ext);
  while (encoded.length > NAME_LIMIT && stem.length > 0) {
    stem.pop();
    encoded = encodeURIComponent(stem.join('') + ext);
  }
  return encoded.length > NAME_LIMIT ? '' : encoded;
}

class Aborted extends Error {}

/** Sends one file; resolves with the server's acknowledgement, rejects with an ApiError. */
function post(file: File, receipt: Receipt, onProgress: (sent: number) => void, signal: AbortSignal): Promise<Attachment> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/v1/intake/attachments');
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', i18n.lang);
    xhr.setRequestHeader('X-Receipt-Code', receipt.code);
    xhr.setRequestHeader('X-Receipt-Secret', receipt.secret);
    const name = encodedName(file.name);
    if (name) xhr.setRequestHeader('X-Evidence-Filename', name);
    xhr.upload.onprogress = (e: ProgressEvent): void => onProgress(e.loaded);
    xhr.onload = (): void => {
      if (xhr.status === 201) {
        try {
          const body = JSON.parse(xhr.responseText) as { attachment?: Attachment };
          if (body.attachment && typeof body.attachment.sha256 === 'string') {
            resolve(body.attachment);
            return;
          }
        } catch {
          // An answer that is not the acknowledgement: not received.
        }
        reject(new ApiError(xhr.status, 'http_error', t('error.unexpected', { status: xhr.status })));
        return;
      }
      reject(errorFromAnswer(xhr.status, xhr.responseText));
    };
    xhr.onerror = (): void => reject(new ApiError(0, 'network_error', t('error.network')));
    xhr.onabort = (): void => reject(new Aborted());
    signal.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}

export class UploadQueue {
  items = $state<Upload[]>([]);
  #nextId = 1;
  #chain: Promise<void> = Promise.resolve();
  #abort = new AbortController();

  add(files: Iterable<File>): void {
    for (const file of files) {
      this.items.push({ id: this.#nextId++, file, state: 'chosen', sent: 0, error: null, attachment: null });
    }
  }

  /** Drops one file; if it is being sent, the upload is stopped. */
  remove(id: number): void {
    const item = this.items.find((i) => i.id === id);
    if (item?.state === 'sending') {
      this.#abort.abort();
      this.#abort = new AbortController();
    }
    this.items = this.items.filter((i) => i.id !== id);
  }

  /** Stops any upload and forgets every file. */
  clear(): void {
    this.#abort.abort();
    this.#abort = new AbortController();
    this.items = [];
  }

  count(state: UploadState): number {
    return this.items.filter((i) => i.state === state).length;
  }

  /** Whether an upload is under way or waiting its turn. */
  get busy(): boolean {
    return this.items.some((i) => i.state === 'waiting' || i.state === 'sending');
  }

  /** Sends every chosen (and failed) file with the receipt; settles when they have all been tried. */
  send(receipt: Receipt): Promise<void> {
    for (const item of this.items) {
      if (item.state === 'chosen' || item.state === 'failed') this.#enqueue(item, receipt);
    }
    return this.#chain;
  }

  /** Sends one failed file again; settles when it has been tried. */
  retry(id: number, receipt: Receipt): Promise<void> {
    const item = this.items.find((i) => i.id === id);
    if (item?.state === 'failed') this.#enqueue(item, receipt);
    return this.#chain;
  }

  #enqueue(item: Upload, receipt: Receipt): void {
    item.state = 'waiting';
    item.error = null;
    item.sent = 0;
    const id = item.id;
    this.#chain = this.#chain.then(() => this.#upload(id, receipt));
  }

  async #upload(id: number, receipt: Receipt): Promise<void> {
    const item = this.items.find((i) => i.id === id);
    if (!item || item.state !== 'waiting') return; // removed, or the queue was cleared
    item.state = 'sending';
    try {
      const attachment = await post(item.file, receipt, (sent) => (item.sent = sent), this.#abort.signal);
      item.sent = item.file.size;
      item.attachment = attachment;
      item.state = 'received';
    } catch (e: unknown) {
      if (e instanceof Aborted) return;
      item.state = 'failed';
      item.error = e instanceof ApiError ? e.message : t('error.unexpected', { status: 0 });
    }
  }
}
