-- The change epochs: one row of counters, each moved forward by triggers in the
-- same transaction as a change to what the server keeps in memory, by any
-- process. A request reads the row once (src/store/change_epochs.h), and each
-- in-memory copy is used only while its counter has not moved:
--  - sign_in (was auth_epoch.epoch, 0014): sessions, users and agencies, for
--    the remembered principals (src/accounts/principal_cache.h);
--  - orders: every order inserted, changed or deleted, for the orders in force
--    held for field verification (src/orders/verification_index.h).
-- Renaming keeps 0014's triggers: SQLite rewrites them to the new names.

ALTER TABLE auth_epoch RENAME TO change_epochs;
ALTER TABLE change_epochs RENAME COLUMN epoch TO sign_in;
ALTER TABLE change_epochs ADD COLUMN orders BIGINT NOT NULL DEFAULT 0;

CREATE TRIGGER change_epochs_order_inserted AFTER INSERT ON orders
BEGIN
  UPDATE change_epochs SET orders = orders + 1 WHERE id = 1;
END;

CREATE TRIGGER change_epochs_order_changed AFTER UPDATE ON orders
BEGIN
  UPDATE change_epochs SET orders = orders + 1 WHERE id = 1;
END;

CREATE TRIGGER change_epochs_order_deleted AFTER DELETE ON orders
BEGIN
  UPDATE change_epochs SET orders = orders + 1 WHERE id = 1;
END;
