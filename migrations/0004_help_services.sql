-- The public help directory (src/help/directory.h): services a survivor can
-- contact. Public information about organisations, not about people, so it is
-- stored in the clear. Crisis centres never carry a public address: the
-- CHECK makes that an invariant of the data, not only of the code.

CREATE TABLE help_services (
  id {{id_pk}},
  kind TEXT NOT NULL,
  name_kk TEXT NOT NULL,
  name_ru TEXT NOT NULL,
  name_en TEXT NOT NULL,
  region_kato TEXT NOT NULL,
  locality_kk TEXT NOT NULL,
  locality_ru TEXT NOT NULL,
  locality_en TEXT NOT NULL,
  phone TEXT NOT NULL,
  hours_24_7 INTEGER NOT NULL,
  hours_kk TEXT NOT NULL,
  hours_ru TEXT NOT NULL,
  hours_en TEXT NOT NULL,
  languages TEXT NOT NULL,
  needs TEXT NOT NULL,
  description_kk TEXT NOT NULL,
  description_ru TEXT NOT NULL,
  description_en TEXT NOT NULL,
  address_kk TEXT,
  address_ru TEXT,
  address_en TEXT,
  active INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  CHECK (kind <> 'crisis_centre' OR (address_kk IS NULL AND address_ru IS NULL AND address_en IS NULL))
);
CREATE INDEX help_services_region ON help_services (region_kato);
