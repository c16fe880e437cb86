// Receiving a file whose request body was streamed to disk
// (HttpRequest::body_file): the steps a staff upload (evidence_api.cc) and a
// public report's attachment (intake/attachments_api.cc) share.
//
// Invariants:
//  - the type is decided by the file's first bytes, never by a header or a
//    name (415 unsupported_file_type);
//  - store_upload() acknowledges nothing it has not made durable: the blob is
//    written and fsynced first, the plaintext deleted at once, then the row
//    (with its custody event and audit entry) commits; if anything fails the
//    blob is deleted again, so a refused or failed upload leaves no file.
#pragma once

#include <functional>
#include <string>

#include "evidence/blob_store.h"
#include "evidence/evidence.h"
#include "evidence/media_type.h"
#include "http/message.h"
#include "store/connection_pool.h"

namespace qorgau::evidence {

// The original name from the X-Evidence-Filename header: percent-encoded
// UTF-8, so any name travels in an HTTP header. Only the last path segment is
// kept; control characters, invalid UTF-8 and more than 255 bytes are refused
// (ApiError kValidationFailed "X-Evidence-Filename"). "" when absent.
std::string upload_filename(const http::HttpRequest& request);

// The type of the streamed body, sniffed from its first bytes: ApiError
// kMissingField "body" without a body, kUnsupportedFileType for a type not
// accepted (evidence/media_type.h).
MediaType upload_type(const http::HttpRequest& request);

// Encrypts the body into a blob (durable on return), deletes the plaintext,
// then runs `write` (which inserts the row) in a transaction on a pooled
// connection and commits it. Returns what `write` returned. On any exception
// the blob is deleted and the exception goes on.
Evidence store_upload(const BlobStore& blobs, store::ConnectionPool& pool,
                      const http::HttpRequest& request,
                      const std::function<Evidence(store::Connection&, const BlobInfo&)>& write);

}  // namespace qorgau::evidence
