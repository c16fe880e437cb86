#include "orders/blind_key_table.h"

#include <gtest/gtest.h>

#include <map>
#include <random>
#include <vector>

namespace qorgau::orders {
namespace {

BlindKeyTable::Key key_of(std::uint8_t first, std::uint8_t second, std::uint8_t last) {
  BlindKeyTable::Key key{};
  key[0] = first;
  key[1] = second;
  key[31] = last;
  return key;
}

std::vector<std::uint32_t> positions(std::span<const BlindKeyTable::Entry> entries) {
  std::vector<std::uint32_t> out;
  for (const auto& entry : entries) out.push_back(entry.second);
  return out;
}

// Positions stand for themselves: earlier means smaller, unless a test says otherwise.
bool smaller(std::uint32_t a, std::uint32_t b) {
  return a < b;
}

TEST(BlindKeyTable, AnEmptyOrUnindexedTableFindsNothing) {
  BlindKeyTable table;
  EXPECT_TRUE(table.find(key_of(0, 0, 0)).empty());
  table.add(key_of(1, 2, 3), 0);
  EXPECT_TRUE(table.find(key_of(1, 2, 3)).empty()) << "not indexed yet";
  table.index(smaller);
  EXPECT_EQ(positions(table.find(key_of(1, 2, 3))), std::vector<std::uint32_t>{0});
  table.index(smaller);
  EXPECT_EQ(positions(table.find(key_of(1, 2, 3))), std::vector<std::uint32_t>{0})
      << "indexing twice changes nothing";
}

TEST(BlindKeyTable, KeysSharingAPrefixAreTellApartAndRepeatsComeInTheGivenOrder) {
  BlindKeyTable table;
  table.add(key_of(7, 7, 2), 0);
  table.add(key_of(7, 7, 1), 1);
  table.add(key_of(7, 7, 2), 2);
  table.add(key_of(7, 8, 2), 3);        // the next prefix
  table.add(key_of(7, 6, 2), 4);        // the one before
  table.add(key_of(0, 0, 0), 5);        // the first prefix of all
  table.add(key_of(255, 255, 255), 6);  // and the last
  table.add(key_of(7, 7, 2), 7);
  // The caller's order within a key: here, larger positions first.
  table.index([](std::uint32_t a, std::uint32_t b) { return a > b; });
  EXPECT_EQ(positions(table.find(key_of(7, 7, 2))), (std::vector<std::uint32_t>{7, 2, 0}));
  EXPECT_EQ(positions(table.find(key_of(7, 7, 1))), std::vector<std::uint32_t>{1});
  EXPECT_EQ(positions(table.find(key_of(7, 8, 2))), std::vector<std::uint32_t>{3});
  EXPECT_EQ(positions(table.find(key_of(7, 6, 2))), std::vector<std::uint32_t>{4});
  EXPECT_EQ(positions(table.find(key_of(0, 0, 0))), std::vector<std::uint32_t>{5});
  EXPECT_EQ(positions(table.find(key_of(255, 255, 255))), std::vector<std::uint32_t>{6});
  EXPECT_TRUE(table.find(key_of(7, 7, 3)).empty()) << "a prefix with keys, not this one";
  EXPECT_TRUE(table.find(key_of(9, 9, 9)).empty()) << "a prefix without keys";
}

// Against a plain map, with keys bunched into few prefixes so that buckets hold many.
TEST(BlindKeyTable, FindsWhatAMapFindsForManyKeys) {
  std::mt19937 random(20261122);
  BlindKeyTable table;
  std::map<BlindKeyTable::Key, std::vector<std::uint32_t>> expected;
  for (std::uint32_t position = 0; position < 20000; ++position) {
    auto key =
        key_of(static_cast<std::uint8_t>(random() % 3), static_cast<std::uint8_t>(random() % 256),
               static_cast<std::uint8_t>(random() % 64));
    table.add(key, position);
    expected[key].push_back(position);
  }
  table.index(smaller);
  EXPECT_EQ(table.size(), 20000u);
  for (std::uint8_t first = 0; first < 4; ++first) {
    for (int second = 0; second < 256; ++second) {
      for (std::uint8_t last = 0; last < 65; ++last) {
        auto key = key_of(first, static_cast<std::uint8_t>(second), last);
        auto it = expected.find(key);
        ASSERT_EQ(positions(table.find(key)),
                  it == expected.end() ? std::vector<std::uint32_t>{} : it->second);
      }
    }
  }
}

}  // namespace
}  // namespace qorgau::orders
