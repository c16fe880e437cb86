// The archive is checked the way its readers meet it: Info-ZIP's `unzip -t`
// and Python's zipfile read it back (names, UTF-8 flag, CRC-32, contents), and
// a 4 GiB entry, written as a sparse file, is read past by Python through the
// ZIP64 records.
#include "zip/zip_stream.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

#include "testing/run_command.h"
#include "testing/temp_dir.h"

namespace qorgau::zip {
namespace {

using qorgau::testing::run_command;
using qorgau::testing::TempDir;

// A reader yielding `text` in pieces of `piece` bytes.
std::function<ChunkReader()> pieces_of(std::string text, std::size_t piece) {
  return [text = std::move(text), piece] {
    return ChunkReader([text, piece, at = std::size_t{0}](std::string& chunk) mutable {
      chunk = text.substr(at, piece);
      at += chunk.size();
      return at < text.size();
    });
  };
}

ZipEntry entry(std::string name, std::string text, std::size_t piece = 7) {
  std::uint64_t size = text.size();
  return {std::move(name), size, pieces_of(std::move(text), piece)};
}

// Writes the whole archive; returns the number of bytes written.
std::uint64_t write_archive(ZipStream& zip, const std::filesystem::path& path) {
  std::ofstream out(path, std::ios::binary);
  std::string chunk;
  std::uint64_t written = 0;
  bool more = true;
  while (more) {
    more = zip.next(chunk);
    out.write(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    written += chunk.size();
  }
  return written;
}

std::string drain(ZipStream& zip) {
  std::string all;
  std::string chunk;
  bool more = true;
  while (more) {
    more = zip.next(chunk);
    all += chunk;
  }
  return all;
}

class ZipStreamTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* tool : {"unzip", "python3"}) {
      if (run_command(std::string("command -v ") + tool + " >/dev/null 2>&1").status != 0) {
        FAIL() << tool << " is not installed: run scripts/install-deps.sh";
      }
    }
  }
  TempDir dir_;
};

TEST_F(ZipStreamTest, UnzipAndPythonReadBackEveryEntryWithItsUtf8Name) {
  std::string big(200'000, '\0');
  for (std::size_t i = 0; i < big.size(); ++i) big[i] = static_cast<char>((i * 7919) % 251);
  ZipStream zip(
      {entry("bundle.pdf", "%PDF-1.5 not really"), entry("SHA256SUMS", "abc  evidence/1-a.pdf\n"),
       entry("empty.txt", ""), entry("evidence/2-Сәрсенова қағаз.pdf", big, 65536)},
      {2026, 3, 1, 22, 10, 30});
  auto path = dir_.path() / "a.zip";
  std::uint64_t written = write_archive(zip, path);
  EXPECT_EQ(written, zip.length());
  EXPECT_EQ(std::filesystem::file_size(path), zip.length());

  auto tested = run_command("unzip -t '" + path.string() + "' 2>&1");
  EXPECT_EQ(tested.status, 0) << tested.output;
  EXPECT_NE(tested.output.find("No errors detected"), std::string::npos) << tested.output;

  std::ofstream(dir_.path() / "expected.bin", std::ios::binary) << big;
  std::string script =
      "import zipfile,sys\n"
      "z=zipfile.ZipFile(sys.argv[1])\n"
      "assert z.testzip() is None\n"
      "names=[i.filename for i in z.infolist()]\n"
      "assert names==['bundle.pdf','SHA256SUMS','empty.txt','evidence/2-Сәрсенова қағаз.pdf'],"
      " names\n"
      "for i in z.infolist():\n"
      "  assert i.flag_bits & 0x808 == 0x808, i.flag_bits\n"
      "  assert i.compress_type == zipfile.ZIP_STORED\n"
      "  assert i.date_time == (2026,3,1,22,10,30), i.date_time\n"
      "assert z.read('bundle.pdf')==b'%PDF-1.5 not really'\n"
      "assert z.read('empty.txt')==b''\n"
      "assert z.read('evidence/2-Сәрсенова қағаз.pdf')==open(sys.argv[2],'rb').read()\n"
      "print('ok')\n";
  std::ofstream(dir_.path() / "check.py") << script;
  auto checked =
      run_command("python3 '" + (dir_.path() / "check.py").string() + "' '" + path.string() +
                  "' '" + (dir_.path() / "expected.bin").string() + "' 2>&1");
  EXPECT_EQ(checked.status, 0) << checked.output;
  EXPECT_EQ(checked.output, "ok\n");
}

TEST_F(ZipStreamTest, AnEmptyArchiveIsJustTheEndRecord) {
  ZipStream zip({}, {});
  EXPECT_EQ(zip.length(), kEndRecordBytes);
  EXPECT_EQ(drain(zip).size(), kEndRecordBytes);
}

TEST(ZipStreamErrors, AnEntryShorterOrLongerThanDeclaredCutsTheArchive) {
  ZipStream shorter({{"a.bin", 10, pieces_of("12345", 5)}}, {});
  EXPECT_THROW(drain(shorter), ZipError);
  ZipStream longer({{"a.bin", 3, pieces_of("12345", 5)}}, {});
  EXPECT_THROW(drain(longer), ZipError);
}

TEST(ZipStreamErrors, AReaderThatFailsMidwayStopsTheStream) {
  auto failing = [] {
    return ChunkReader([calls = 0](std::string& chunk) mutable {
      if (++calls > 1) throw std::runtime_error("blob damaged");
      chunk = "half";
      return true;
    });
  };
  ZipStream zip({{"a.bin", 8, failing}}, {});
  EXPECT_THROW(drain(zip), std::runtime_error);
}

TEST(ZipStreamErrors, BadOrRepeatedNamesAreRefused) {
  EXPECT_THROW(ZipStream({entry("", "x")}, {}), ZipError);
  EXPECT_THROW(ZipStream({entry(std::string("a\0b", 3), "x")}, {}), ZipError);
  EXPECT_THROW(ZipStream({entry("a", "x"), entry("a", "y")}, {}), ZipError);
}

// The length is the sum of the records the format defines, entry by entry.
TEST(ZipStreamLength, SmallEntriesUseNoZip64Records) {
  ZipStream zip({entry("ab", "hello"), entry("c", "")}, {});
  std::uint64_t first = kLocalHeaderBytes + 2 + 5 + 16;
  std::uint64_t second = kLocalHeaderBytes + 1 + 0 + 16;
  std::uint64_t directory = kCentralHeaderBytes + 2 + kCentralHeaderBytes + 1;
  EXPECT_EQ(zip.length(), first + second + directory + kEndRecordBytes);
  EXPECT_EQ(drain(zip).size(), zip.length());
}

TEST(ZipStreamLength, ALargeEntryAddsZip64FieldsAndEndRecords) {
  const std::uint64_t size = kMax32 + 1;
  ZipStream zip({{"big.mp4", size, pieces_of("", 1)}, entry("after.txt", "x")}, {});
  std::uint64_t big = kLocalHeaderBytes + 7 + 20 + size + 24;
  std::uint64_t after = kLocalHeaderBytes + 9 + 1 + 16;
  // big: both sizes in its extra field; after: its local header's offset is past 4 GiB.
  std::uint64_t directory = kCentralHeaderBytes + 7 + 20 + kCentralHeaderBytes + 9 + 12;
  EXPECT_EQ(zip.length(),
            big + after + directory + kZip64EndRecordBytes + kZip64LocatorBytes + kEndRecordBytes);
}

// A real ZIP64 archive: one entry of 4 GiB + 16 bytes of zeros, then a small one. The zeros
// are skipped with lseek (a sparse file), so the test writes only the records.
TEST_F(ZipStreamTest, PythonReadsAnEntryPastFourGibibytes) {
  const std::uint64_t size = (std::uint64_t{1} << 32) + 16;
  static constexpr std::size_t kPiece = std::size_t{4} << 20;
  auto zeros = [size] {
    return ChunkReader([size, at = std::uint64_t{0}](std::string& chunk) mutable {
      auto n = static_cast<std::size_t>(std::min<std::uint64_t>(kPiece, size - at));
      chunk.assign(n, '\0');
      at += n;
      return at < size;
    });
  };
  const std::string name = "big.mp4";
  ZipStream zip({{name, size, zeros}, entry("after.txt", "after the big one")}, {});
  const std::uint64_t data_begin = kLocalHeaderBytes + name.size() + 20;
  const std::uint64_t data_end = data_begin + size;

  auto path = dir_.path() / "big.zip";
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  ASSERT_GE(fd, 0);
  std::string chunk;
  std::uint64_t at = 0;
  bool more = true;
  while (more) {
    more = zip.next(chunk);
    if (at >= data_begin && at + chunk.size() <= data_end) {
      ASSERT_GE(::lseek(fd, static_cast<off_t>(chunk.size()), SEEK_CUR), 0);
    } else {
      ASSERT_EQ(::write(fd, chunk.data(), chunk.size()), static_cast<ssize_t>(chunk.size()));
    }
    at += chunk.size();
  }
  ::close(fd);
  EXPECT_EQ(at, zip.length());
  EXPECT_EQ(std::filesystem::file_size(path), zip.length());

  std::string script =
      "import zipfile,sys\n"
      "z=zipfile.ZipFile(sys.argv[1])\n"
      "big,after=z.infolist()\n"
      "assert big.file_size==4294967312 and big.compress_size==4294967312, big\n"
      "assert after.header_offset>0xFFFFFFFF, after.header_offset\n"
      "assert z.read('after.txt')==b'after the big one'\n"
      "with z.open('big.mp4') as f: assert f.read(1<<16)==bytes(1<<16)\n"
      "print('ok')\n";
  std::ofstream(dir_.path() / "check.py") << script;
  auto checked = run_command("python3 '" + (dir_.path() / "check.py").string() + "' '" +
                             path.string() + "' 2>&1");
  EXPECT_EQ(checked.status, 0) << checked.output;
  EXPECT_EQ(checked.output, "ok\n");
}

}  // namespace
}  // namespace qorgau::zip
