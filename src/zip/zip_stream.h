// A ZIP archive written as a stream, piece by piece, for an HTTP body whose
// exact length is sent before the first byte (http::BodyStream).
//
// Format (PKWARE APPNOTE 6.3): every entry is "stored" (method 0, no
// compression: evidence media is compressed already), its local header has
// general-purpose bit 3 (CRC-32 and sizes follow the data in a data
// descriptor, so the CRC is computed while the data passes) and bit 11 (the
// name is UTF-8). An entry of 0xFFFFFFFF bytes or more, and any offset or
// count beyond the 32-bit fields, use ZIP64 extra fields and the ZIP64 end
// records; small archives carry no ZIP64 record at all.
//
// Invariants:
//  - length() is computed from the names and declared sizes alone, before any
//    byte is produced, and next() produces exactly that many bytes in all;
//  - memory use does not depend on the entries' sizes: data moves in the
//    pieces each entry's reader yields;
//  - an entry whose reader yields more or fewer bytes than its declared size,
//    or throws, makes next() throw (ZipError or the reader's exception): the
//    archive is cut, never completed with a wrong entry;
//  - entries are opened one at a time, in order, when their data is reached.
#pragma once

#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

namespace qorgau::zip {

struct ZipError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Fills `chunk` with the next piece of an entry's data; false after the last.
using ChunkReader = std::function<bool(std::string& chunk)>;

// A civil date and time as an MS-DOS timestamp holds it (2-second steps,
// years 1980-2107), already in the time zone the archive is meant for.
struct DosTime {
  int year = 1980;
  unsigned month = 1;
  unsigned day = 1;
  unsigned hour = 0;
  unsigned minute = 0;
  unsigned second = 0;
};

struct ZipEntry {
  std::string name;        // UTF-8, '/' separated, relative, no NUL
  std::uint64_t size = 0;  // exact number of bytes `open()`'s reader yields
  std::function<ChunkReader()> open;
};

// Bytes of the fixed structures, for the length arithmetic (exposed for tests).
inline constexpr std::uint64_t kLocalHeaderBytes = 30;
inline constexpr std::uint64_t kCentralHeaderBytes = 46;
inline constexpr std::uint64_t kEndRecordBytes = 22;
inline constexpr std::uint64_t kZip64EndRecordBytes = 56;
inline constexpr std::uint64_t kZip64LocatorBytes = 20;
inline constexpr std::uint64_t kMax32 = 0xFFFFFFFF;

class ZipStream {
 public:
  // Throws ZipError for an empty, too long (over 65535 bytes) or NUL-holding
  // name, or a repeated one.
  ZipStream(std::vector<ZipEntry> entries, DosTime modified);

  // The archive's exact size in bytes.
  std::uint64_t length() const { return length_; }

  // Fills `chunk` (replacing its contents) with the next piece of the
  // archive; false after the last piece. See the invariants for errors.
  bool next(std::string& chunk);

 private:
  struct Placed {
    ZipEntry entry;
    std::uint64_t offset = 0;  // of the local header
    std::uint32_t crc = 0;     // known once the data has passed
  };

  std::string local_header(const Placed& p) const;
  std::string data_descriptor(const Placed& p) const;
  std::string central_directory() const;
  void next_data(std::string& chunk);

  std::vector<Placed> entries_;
  std::uint16_t dos_time_ = 0;
  std::uint16_t dos_date_ = 0;
  std::uint64_t central_offset_ = 0;
  std::uint64_t central_size_ = 0;
  std::uint64_t length_ = 0;

  // Where the stream is.
  enum class Step { kHeader, kData, kDescriptor, kDone };
  Step step_ = Step::kHeader;
  std::size_t current_ = 0;
  ChunkReader reader_;
  std::uint64_t passed_ = 0;  // data bytes of the current entry so far
  std::uint64_t produced_ = 0;
};

}  // namespace qorgau::zip
