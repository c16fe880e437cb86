// Server errors that name an input ({"error":{"field":"kinds"}}) shown beside that input.
//
// One piece of code for every form: the form's container gets `use:fieldErrors={error}` and its
// controls carry the server's field path as `name` (or `data-field` for a fieldset or a control
// whose name is taken, e.g. a radio group). When `error` is an ApiError with a `field`, the
// control of that path (or of its nearest parent path: "channels[1].address", then "channels[1]",
// then "channels") gets aria-invalid and, right after it (inside a fieldset: at its end), the
// message as an alert its aria-describedby names; the control takes focus. The server's message
// names the field by its path ("The value of “channels[1].address” is not valid."): beside the
// control the path is replaced by the control's own label, the words the user sees. With no such control
// the message goes at the end of the container, so it is never lost. Every other error (no field,
// a network failure, the form's own checks) is FormError.svelte's: the two never show the same
// message twice. Invariant: at most one mark at a time, removed before the next error is shown
// and when the container goes away.
import { ApiError } from './api';

/** Whether the error is one fieldErrors shows (so a form's general error line must not). */
export const namesField = (error: unknown): error is ApiError & { field: string } =>
  error instanceof ApiError && error.field !== null;

/** "channels[1].address" → ["channels[1].address", "channels[1]", "channels"]. */
export function fieldPaths(field: string): string[] {
  const paths = [field];
  let rest = field;
  for (;;) {
    const cut = Math.max(rest.lastIndexOf('.'), rest.lastIndexOf('['));
    if (cut <= 0) return paths;
    rest = rest.slice(0, cut);
    paths.push(rest);
  }
}

function controlFor(root: HTMLElement, field: string): HTMLElement | null {
  for (const path of fieldPaths(field)) {
    const quoted = CSS.escape(path);
    const found = root.querySelector<HTMLElement>(`[data-field="${quoted}"], [name="${quoted}"]`);
    if (found) return found;
  }
  return null;
}

const words = (text: string | null | undefined): string | null => text?.replace(/\s+/g, ' ').trim() || null;

/** The name a person sees for the control: what labels it, its legend, or its aria-label. */
function controlName(control: HTMLElement): string | null {
  const labelledBy = control.getAttribute('aria-labelledby');
  if (labelledBy) {
    const text = labelledBy
      .split(/\s+/)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ');
    if (words(text)) return words(text);
  }
  const ariaLabel = words(control.getAttribute('aria-label'));
  if (ariaLabel) return ariaLabel;
  if (control instanceof HTMLFieldSetElement) return words(control.querySelector(':scope > legend')?.textContent);
  if (control instanceof HTMLLabelElement) return words(control.textContent);
  const labels = (control as HTMLInputElement).labels;
  return labels && labels.length > 0 ? words(labels[0].textContent) : null;
}

/**
 * The server's message with the field's path replaced by the control's name (if it has one). The
 * catalogue puts the path in quotes («…», “…”), in brackets or after a colon; only there is it
 * replaced, so a path that is also a word ("place") is left alone elsewhere in the sentence. The
 * form's own messages (status 0) are written for people already.
 */
function humanMessage(error: ApiError & { field: string }, control: HTMLElement | null): string {
  const name = error.status !== 0 && control ? controlName(control) : null;
  if (!name) return error.message;
  const path = error.field.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return error.message.replace(new RegExp(`([«“"(]|: )${path}(?=[»”")]|\\.?$)`, 'g'), (_m, before: string) => before + name);
}

let serial = 0;

export function fieldErrors(root: HTMLElement, error: unknown): { update: (e: unknown) => void; destroy: () => void } {
  let undo: (() => void) | null = null;

  function clear(): void {
    undo?.();
    undo = null;
  }

  function show(next: unknown): void {
    clear();
    if (!namesField(next)) return;
    const message = document.createElement('p');
    message.className = 'field-error';
    message.id = `field-error-${++serial}`;
    message.setAttribute('role', 'alert');
    const control = controlFor(root, next.field);
    message.textContent = humanMessage(next, control);
    if (!control) {
      root.append(message);
      undo = () => message.remove();
      return;
    }
    if (control instanceof HTMLFieldSetElement) control.append(message);
    else control.after(message);
    const describedBy = control.getAttribute('aria-describedby');
    const invalid = control.getAttribute('aria-invalid');
    control.setAttribute('aria-describedby', describedBy ? `${message.id} ${describedBy}` : message.id);
    control.setAttribute('aria-invalid', 'true');
    const focusable = control instanceof HTMLFieldSetElement ? control.querySelector<HTMLElement>('input, select, textarea') : control;
    focusable?.focus();
    undo = () => {
      message.remove();
      if (describedBy === null) control.removeAttribute('aria-describedby');
      else control.setAttribute('aria-describedby', describedBy);
      if (invalid === null) control.removeAttribute('aria-invalid');
      else control.setAttribute('aria-invalid', invalid);
    };
  }

  show(error);
  return { update: show, destroy: clear };
}
