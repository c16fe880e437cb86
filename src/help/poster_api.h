// HTTP route of the printable help poster (module `help`):
//
//   GET /api/v1/help/poster.pdf?region=KATO&lang=kk|ru|en[&institution=NAME]   (public)
//
// answers one A4 page (help/poster.h) as application/pdf, offered for download as
// "qorgau-poster-<KATO>-<lang>.pdf". The poster carries the jurisdiction's emergency numbers with
// their labels in `lang`, the region's name, the institution's name if given, and a QR code of
// <base>/help?region=<KATO>, where <base> is the configured public_url, or http://<Host header>
// when none is configured.
//
// Invariants: a poster is drawn only from a valid request; otherwise 422 validation_failed names
// the field and nothing is rendered:
// - region: a KATO code of one of the jurisdiction's regions;
// - lang: kk, ru or en (case-insensitive);
// - institution (optional; blank counts as absent): at most 120 characters after trimming
//   spaces, valid UTF-8, no control, format, separator, private-use or unassigned characters.
//   It names a school or clinic, never a person, so it is not personal data;
// - host (only without public_url): a plain host name or address with an optional port.
// Nothing is stored and no session is needed: the route is public, like the help page.
#pragma once

#include "app/services.h"
#include "http/router.h"

namespace qorgau::help {

void register_poster_routes(http::Router& router, app::Services& services);

}  // namespace qorgau::help
