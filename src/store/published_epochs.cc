#include "store/published_epochs.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <string>

#include "store/database.h"

namespace qorgau::store {

namespace {

// Counter slots in the file, each an aligned 64-bit integer.
constexpr std::size_t kSignIn = 0;
constexpr std::size_t kOrders = 1;

static_assert(std::atomic_ref<std::int64_t>::is_always_lock_free,
              "the counters are shared between processes, so their atomics must be lock-free");

[[noreturn]] void fail(const std::filesystem::path& file, std::string_view what) {
  throw StoreError("cannot " + std::string(what) + " " + file.string() + ": " +
                   std::strerror(errno));
}

void raise_to(std::int64_t* slot, std::int64_t value) {
  std::atomic_ref<std::int64_t> counter(*slot);
  std::int64_t current = counter.load(std::memory_order_relaxed);
  while (current < value &&
         !counter.compare_exchange_weak(current, value, std::memory_order_release,
                                        std::memory_order_relaxed)) {
  }
}

}  // namespace

PublishedEpochs::PublishedEpochs(const std::filesystem::path& file) {
  int fd = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) fail(file, "open");
  struct stat status {};
  // A shorter file (new, or cut short) is extended with zeros: low counters are safe.
  if (::fstat(fd, &status) != 0 ||
      (static_cast<std::size_t>(status.st_size) < kFileBytes && ::ftruncate(fd, kFileBytes) != 0)) {
    int saved = errno;
    ::close(fd);
    errno = saved;
    fail(file, "size");
  }
  void* mapping = ::mmap(nullptr, kFileBytes, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  int saved = errno;
  ::close(fd);  // the mapping keeps the file
  errno = saved;
  if (mapping == MAP_FAILED) fail(file, "map");
  mapping_ = mapping;
}

PublishedEpochs::~PublishedEpochs() {
  ::munmap(mapping_, kFileBytes);
}

std::int64_t* PublishedEpochs::counter(std::size_t index) const {
  return static_cast<std::int64_t*>(mapping_) + index;
}

ChangeEpochs PublishedEpochs::read() const {
  return {std::atomic_ref<std::int64_t>(*counter(kSignIn)).load(std::memory_order_acquire),
          std::atomic_ref<std::int64_t>(*counter(kOrders)).load(std::memory_order_acquire)};
}

void PublishedEpochs::publish(const ChangeEpochs& seen) {
  raise_to(counter(kSignIn), seen.sign_in);
  raise_to(counter(kOrders), seen.orders);
}

void PublishedEpochs::reset(const ChangeEpochs& truth) {
  std::atomic_ref<std::int64_t>(*counter(kSignIn)).store(truth.sign_in, std::memory_order_release);
  std::atomic_ref<std::int64_t>(*counter(kOrders)).store(truth.orders, std::memory_order_release);
}

}  // namespace qorgau::store
