// The state every step of the report form shares: her answers, the errors shown beside them,
// and which step is on screen. It lives in memory only (never in the address bar or browser
// storage) and is owned by one Report.svelte; the step components read and bind to it.
import { blankReport, STEPS, type Step } from './form';

export class ReportFormState {
  form = $state(blankReport());
  errors = $state<Record<string, string>>({});
  /** One section per screen (a phone) or every section on one page. */
  stepped = $state(false);
  step = $state(0);

  /** Whether a section is on screen. */
  shown(s: Step): boolean {
    return !this.stepped || STEPS[this.step] === s;
  }

  /** aria-describedby for a field: its error (when shown) and its hint. */
  described(key: string, hint?: string): string | undefined {
    return [this.errors[key] ? `err-${key}` : '', hint ?? ''].filter(Boolean).join(' ') || undefined;
  }

  invalid(key: string): 'true' | undefined {
    return this.errors[key] ? 'true' : undefined;
  }

  /** Back to an empty form on the first step. */
  reset(): void {
    this.form = blankReport();
    this.errors = {};
    this.step = 0;
  }
}
