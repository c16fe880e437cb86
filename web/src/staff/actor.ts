import { t } from '../lib/i18n.svelte';
import { session } from '../lib/session.svelte';

/**
 * A staff user who acted on a record, as the reader sees them: "me" for the reader, the display
 * name the server sent (opened for this reader), "user no. N" when it sent none, and "—" when
 * no one acted.
 */
export function actorName(id: number | null | undefined, name?: string | null): string {
  if (id === null || id === undefined) return t('common.none');
  if (id === session.user?.id) return t('cases.case.me');
  return name || t('cases.userN', { id });
}
