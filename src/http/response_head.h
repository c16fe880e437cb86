// The status line and header block of a response whose body is in memory, written straight
// into one string: the server sends it and the body as two buffers. Beast's serializer did
// the same work through a chain of buffer views and a field list built per response, which
// was a tenth of a small request's instructions.
//
// Invariants:
//  - the bytes are those Beast writes for the same response (tested against it; only a 204
//    differs, where Beast added "Content-Length: 0", which RFC 9110 forbids): the status
//    line with the standard reason; Server; Content-Type unless empty; the response's headers
//    in order, then its shared headers; "Connection: close" (HTTP/1.1 not kept alive) or
//    "Connection: keep-alive" (HTTP/1.0 kept alive); Content-Length, except for 1xx, 204 and 304;
//    then an empty line;
//  - for HEAD, Content-Length is the length the body would have; the body is not sent;
//  - a CR or LF inside a header value is written as a space, so no value can end the header
//    block or add a header.
#pragma once

#include <string>

#include "http/message.h"

namespace qorgau::http {

// `version` is 11 for HTTP/1.1, 10 for HTTP/1.0.
// The head is the same for a HEAD request: Content-Length is the body's length either way.
std::string response_head(const HttpResponse& response, unsigned version, bool keep_alive);

// Whether a response with this status carries a body (and Content-Length) at all.
bool status_allows_body(int status);

}  // namespace qorgau::http
