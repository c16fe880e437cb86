#include "zip/zip_stream.h"

#include <zlib.h>

#include <algorithm>
#include <set>

namespace qorgau::zip {

namespace {

constexpr std::uint32_t kLocalSignature = 0x04034b50;
constexpr std::uint32_t kDescriptorSignature = 0x08074b50;
constexpr std::uint32_t kCentralSignature = 0x02014b50;
constexpr std::uint32_t kZip64EndSignature = 0x06064b50;
constexpr std::uint32_t kZip64LocatorSignature = 0x07064b50;
constexpr std::uint32_t kEndSignature = 0x06054b50;
constexpr std::uint16_t kZip64ExtraId = 0x0001;
constexpr std::uint16_t kMax16 = 0xFFFF;
// Bit 3: CRC and sizes in the data descriptor; bit 11: UTF-8 name.
constexpr std::uint16_t kFlags = (1U << 3) | (1U << 11);
constexpr std::uint16_t kVersionPlain = 20;  // 2.0: data descriptor
constexpr std::uint16_t kVersionZip64 = 45;  // 4.5: ZIP64
constexpr std::uint16_t kMadeByUnix = 3U << 8;
constexpr std::uint32_t kRegularFileMode = 0100644;

void put16(std::string& out, std::uint64_t value) {
  for (int i = 0; i < 2; ++i) out.push_back(static_cast<char>((value >> (8 * i)) & 0xFF));
}
void put32(std::string& out, std::uint64_t value) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((value >> (8 * i)) & 0xFF));
}
void put64(std::string& out, std::uint64_t value) {
  for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>((value >> (8 * i)) & 0xFF));
}

bool large_size(std::uint64_t size) {
  return size >= kMax32;
}
bool large_offset(std::uint64_t offset) {
  return offset >= kMax32;
}

// The ZIP64 extra field of a local header: both sizes (zero: they follow in the descriptor).
std::uint64_t local_extra_bytes(std::uint64_t size) {
  return large_size(size) ? 4 + 16 : 0;
}

std::uint64_t central_extra_bytes(std::uint64_t size, std::uint64_t offset) {
  std::uint64_t fields = (large_size(size) ? 2 : 0) + (large_offset(offset) ? 1 : 0);
  return fields == 0 ? 0 : 4 + 8 * fields;
}

std::uint64_t descriptor_bytes(std::uint64_t size) {
  return large_size(size) ? 24 : 16;
}

std::uint16_t version_needed(std::uint64_t size, std::uint64_t offset) {
  return large_size(size) || large_offset(offset) ? kVersionZip64 : kVersionPlain;
}

bool zip64_end(std::size_t count, std::uint64_t central_offset, std::uint64_t central_size) {
  return count >= kMax16 || large_offset(central_offset) || large_size(central_size);
}

}  // namespace

ZipStream::ZipStream(std::vector<ZipEntry> entries, DosTime modified) {
  if (modified.year < 1980 || modified.year > 2107) {
    modified = DosTime{};
  }
  dos_time_ = static_cast<std::uint16_t>((modified.hour << 11) | (modified.minute << 5) |
                                         (modified.second / 2));
  dos_date_ = static_cast<std::uint16_t>(((modified.year - 1980) << 9) | (modified.month << 5) |
                                         modified.day);
  std::set<std::string> names;
  std::uint64_t offset = 0;
  for (auto& entry : entries) {
    if (entry.name.empty() || entry.name.size() > kMax16 ||
        entry.name.find('\0') != std::string::npos) {
      throw ZipError("invalid entry name");
    }
    if (!names.insert(entry.name).second) throw ZipError("repeated entry name: " + entry.name);
    Placed placed{std::move(entry), offset, 0};
    const std::uint64_t size = placed.entry.size;
    offset += kLocalHeaderBytes + placed.entry.name.size() + local_extra_bytes(size) + size +
              descriptor_bytes(size);
    central_size_ +=
        kCentralHeaderBytes + placed.entry.name.size() + central_extra_bytes(size, placed.offset);
    entries_.push_back(std::move(placed));
  }
  central_offset_ = offset;
  length_ = central_offset_ + central_size_ + kEndRecordBytes;
  if (zip64_end(entries_.size(), central_offset_, central_size_)) {
    length_ += kZip64EndRecordBytes + kZip64LocatorBytes;
  }
}

std::string ZipStream::local_header(const Placed& p) const {
  const std::uint64_t size = p.entry.size;
  std::string out;
  put32(out, kLocalSignature);
  put16(out, version_needed(size, 0));
  put16(out, kFlags);
  put16(out, 0);  // stored
  put16(out, dos_time_);
  put16(out, dos_date_);
  put32(out, 0);  // CRC-32: in the descriptor
  put32(out, large_size(size) ? kMax32 : 0);
  put32(out, large_size(size) ? kMax32 : 0);
  put16(out, p.entry.name.size());
  put16(out, local_extra_bytes(size));
  out += p.entry.name;
  if (large_size(size)) {
    put16(out, kZip64ExtraId);
    put16(out, 16);
    put64(out, 0);
    put64(out, 0);
  }
  return out;
}

std::string ZipStream::data_descriptor(const Placed& p) const {
  std::string out;
  put32(out, kDescriptorSignature);
  put32(out, p.crc);
  if (large_size(p.entry.size)) {
    put64(out, p.entry.size);
    put64(out, p.entry.size);
  } else {
    put32(out, p.entry.size);
    put32(out, p.entry.size);
  }
  return out;
}

std::string ZipStream::central_directory() const {
  std::string out;
  for (const auto& p : entries_) {
    const std::uint64_t size = p.entry.size;
    put32(out, kCentralSignature);
    put16(out, kMadeByUnix | kVersionZip64);
    put16(out, version_needed(size, p.offset));
    put16(out, kFlags);
    put16(out, 0);  // stored
    put16(out, dos_time_);
    put16(out, dos_date_);
    put32(out, p.crc);
    put32(out, large_size(size) ? kMax32 : size);
    put32(out, large_size(size) ? kMax32 : size);
    put16(out, p.entry.name.size());
    put16(out, central_extra_bytes(size, p.offset));
    put16(out, 0);  // comment
    put16(out, 0);  // disk
    put16(out, 0);  // internal attributes
    put32(out, kRegularFileMode << 16);
    put32(out, large_offset(p.offset) ? kMax32 : p.offset);
    out += p.entry.name;
    if (std::uint64_t extra = central_extra_bytes(size, p.offset); extra > 0) {
      put16(out, kZip64ExtraId);
      put16(out, extra - 4);
      if (large_size(size)) {
        put64(out, size);
        put64(out, size);
      }
      if (large_offset(p.offset)) put64(out, p.offset);
    }
  }
  const std::uint64_t count = entries_.size();
  if (zip64_end(entries_.size(), central_offset_, central_size_)) {
    const std::uint64_t record_offset = central_offset_ + central_size_;
    put32(out, kZip64EndSignature);
    put64(out, kZip64EndRecordBytes - 12);  // the record's size after this field
    put16(out, kMadeByUnix | kVersionZip64);
    put16(out, kVersionZip64);
    put32(out, 0);  // this disk
    put32(out, 0);  // disk with the central directory
    put64(out, count);
    put64(out, count);
    put64(out, central_size_);
    put64(out, central_offset_);
    put32(out, kZip64LocatorSignature);
    put32(out, 0);  // disk with the ZIP64 end record
    put64(out, record_offset);
    put32(out, 1);  // disks in all
  }
  put32(out, kEndSignature);
  put16(out, 0);
  put16(out, 0);
  put16(out, count >= kMax16 ? kMax16 : count);
  put16(out, count >= kMax16 ? kMax16 : count);
  put32(out, large_size(central_size_) ? kMax32 : central_size_);
  put32(out, large_offset(central_offset_) ? kMax32 : central_offset_);
  put16(out, 0);  // comment
  return out;
}

void ZipStream::next_data(std::string& chunk) {
  Placed& p = entries_[current_];
  bool more = reader_(chunk);
  passed_ += chunk.size();
  if (passed_ > p.entry.size) throw ZipError("entry longer than declared: " + p.entry.name);
  // zlib's crc32 takes a uInt length: feed large pieces in parts.
  const auto* bytes = reinterpret_cast<const Bytef*>(chunk.data());
  for (std::size_t done = 0; done < chunk.size();) {
    auto part = static_cast<uInt>(std::min<std::size_t>(chunk.size() - done, 1U << 30));
    p.crc = static_cast<std::uint32_t>(crc32(p.crc, bytes + done, part));
    done += part;
  }
  if (!more) {
    if (passed_ != p.entry.size) throw ZipError("entry shorter than declared: " + p.entry.name);
    step_ = Step::kDescriptor;
  }
}

bool ZipStream::next(std::string& chunk) {
  chunk.clear();
  while (chunk.empty() && step_ != Step::kDone) {
    switch (step_) {
      case Step::kHeader:
        if (current_ == entries_.size()) {
          chunk = central_directory();
          step_ = Step::kDone;
          break;
        }
        chunk = local_header(entries_[current_]);
        reader_ = entries_[current_].entry.open();
        passed_ = 0;
        entries_[current_].crc = static_cast<std::uint32_t>(crc32(0, Z_NULL, 0));
        step_ = Step::kData;
        break;
      case Step::kData:
        next_data(chunk);
        break;
      case Step::kDescriptor:
        chunk = data_descriptor(entries_[current_]);
        reader_ = nullptr;  // the entry's source is released at once
        ++current_;
        step_ = Step::kHeader;
        break;
      case Step::kDone:
        break;
    }
  }
  produced_ += chunk.size();
  if (step_ == Step::kDone) {
    if (produced_ != length_) throw ZipError("archive length differs from the computed length");
    return false;
  }
  return true;
}

}  // namespace qorgau::zip
