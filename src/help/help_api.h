// HTTP routes of the public help portal: the help directory (public read,
// `help.manage` to edit) and the "know your rights" pages. Public answers
// hold no personal data and never a crisis centre's address.
#pragma once

#include "app/services.h"
#include "http/router.h"

namespace qorgau::help {

void register_help_routes(http::Router& router, app::Services& services);

}  // namespace qorgau::help
