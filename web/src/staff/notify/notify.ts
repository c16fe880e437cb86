// Types of the notification routes of a case (docs/api.md "Notifications") and their words.
import { tMaybe } from '../../lib/i18n.svelte';

export const CHANNELS = ['email', 'sms', 'inbox'] as const;
export type Channel = (typeof CHANNELS)[number];
export const KINDS = ['order_served', 'order_expiring', 'order_violated', 'aggressor_released'] as const;
/** The kinds that are re-sent until she confirms them (the server's rule). */
export const URGENT_KINDS: readonly string[] = ['order_violated', 'aggressor_released'];
export const DETAILS = ['minimal', 'dates'] as const;
export type Detail = (typeof DETAILS)[number];

export interface Consent {
  case_id: number;
  channels: { channel: string; address?: string }[];
  kinds: string[];
  detail: Detail;
  language: 'kk' | 'ru' | 'en';
  inbox_code: string | null;
  recorded_at: number;
  recorded_by_user_id: number;
}

/** The PUT answer: the secret is there only when the inbox was given now (shown once, never kept). */
export interface ConsentAnswer {
  consent: Consent;
  inbox_secret?: string;
}

export interface Notification {
  id: number;
  kind: string;
  channel: string;
  status: 'queued' | 'sent' | 'acknowledged' | 'failed' | 'withdrawn';
  urgent: boolean;
  sends: number;
  attempts: number;
  last_error: string | null;
  created_at: number;
  last_sent_at: number | null;
  acknowledged_at: number | null;
  acknowledged_by: 'inbox' | 'staff' | null;
}

export const channelName = (c: string): string => tMaybe(`notify.channel.${c}`, c);
export const kindName = (k: string): string => tMaybe(`notify.kind.${k}`, k);
export const statusName = (s: string): string => tMaybe(`notify.status.${s}`, s);
export const sendErrorName = (e: string): string => tMaybe(`notify.error.${e}`, e);
