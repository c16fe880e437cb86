-- Notifications to the protected person (src/notify/): her consent, and one
-- outbox row per message and channel. Delivery is a scheduler job
-- ("notification_delivery", subject = notifications.id).
--
-- notification_consents: one row per case while she consents; withdrawing
-- deletes the row (addresses and inbox credentials go with it). `channels`
-- holds her addresses, encrypted; `channel_codes` and `kinds` are codes only.
-- The inbox code names nobody; only a keyed hash of its secret is stored.
CREATE TABLE notification_consents (
  case_id BIGINT PRIMARY KEY REFERENCES cases(id),
  channels {{bytes}} NOT NULL,
  channel_codes TEXT NOT NULL,
  kinds TEXT NOT NULL,
  detail TEXT NOT NULL CHECK (detail IN ('minimal', 'dates')),
  language TEXT NOT NULL CHECK (language IN ('kk', 'ru', 'en')),
  inbox_code TEXT UNIQUE,
  inbox_secret_hash {{bytes}},
  recorded_at BIGINT NOT NULL,
  recorded_by_user_id BIGINT REFERENCES users(id)
);

-- One message on one channel. `facts` (the dates it may show) and `text`
-- (what the inbox shows, written when delivered) are encrypted. `sends`
-- counts deliveries (urgent kinds are re-sent until acknowledged); all rows
-- written by one notify() call share `event_id` (the first row's id), and an
-- acknowledgement covers the whole event.
CREATE TABLE notifications (
  id {{id_pk}},
  event_id BIGINT,
  case_id BIGINT NOT NULL REFERENCES cases(id),
  kind TEXT NOT NULL,
  channel TEXT NOT NULL CHECK (channel IN ('email', 'sms', 'inbox')),
  urgent INTEGER NOT NULL,
  facts {{bytes}} NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('queued', 'sent', 'acknowledged', 'failed', 'withdrawn')),
  sends INTEGER NOT NULL DEFAULT 0,
  text {{bytes}},
  created_at BIGINT NOT NULL,
  last_sent_at BIGINT,
  acknowledged_at BIGINT,
  acknowledged_by TEXT CHECK (acknowledged_by IN ('inbox', 'staff')),
  finished_at BIGINT,
  last_error TEXT
);
CREATE INDEX notifications_case ON notifications (case_id, id);
CREATE INDEX notifications_event ON notifications (event_id);
