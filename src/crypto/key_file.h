// The master key file in the data directory (`qorgau.key`). Every other key
// (field encryption, blind indexes, audit chain, session tokens) is derived
// from it by Keyring. Losing the file makes encrypted data unreadable; leaking
// it exposes everything, so:
//  - it is created once, on first start, with mode 0600, written and fsynced
//    before anything is encrypted with it;
//  - an existing file that is readable or writable by group or others is
//    refused (the operator must fix its mode), never silently used;
//  - its format is one text line "qorgau-key-v1 <64 hex digits>" after
//    comment lines, so it can be printed and stored offline.
#pragma once

#include <filesystem>
#include <stdexcept>

#include "crypto/secret_key.h"

namespace qorgau::crypto {

struct KeyFileError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Loads the key at `path`, creating it if the file does not exist.
// `created` (optional) is set to whether a new key was made.
SecretKey load_or_create_key_file(const std::filesystem::path& path, bool* created = nullptr);

// Loads an existing key file; throws KeyFileError if it is missing,
// malformed, or has permissions wider than 0600.
SecretKey load_key_file(const std::filesystem::path& path);

}  // namespace qorgau::crypto
