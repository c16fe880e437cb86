// Finding a person who is already known before a case adds them again.
// People are matched, never merged: the answer lists possible duplicates and
// the client chooses (by passing an existing person id) or creates a new
// person anyway.
//
// Two people match when
//  - their IINs are equal (people.iin_bidx), or
//  - their names fold to the same people::fold_name() (people.full_name_bidx), or
//  - their names share the same transliteration key, name_key(): Kazakh and
//    Russian Cyrillic and Latin spellings meet ("Айгүл Сәрсенова",
//    "Aigul Sarsenova", "SARSENOVA Aygül"). Its blind index lives in
//    person_name_keys ("person_name_keys.name_key"), written by remember().
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crypto/protector.h"
#include "people/people.h"
#include "store/database.h"

namespace qorgau::cases {

// The transliteration key of a name: NFC and case folding; Kazakh and Russian
// Cyrillic to Latin by one fixed table (ә->a, ғ->g, қ->k, ң->n, ө->o, ұ/ү->u,
// һ->h, і->i, й->i, ж->zh, ш/щ->sh, ч->ch, ...); any other script through ICU
// "Any-Latin; Latin-ASCII"; then a skeleton that absorbs the usual
// romanisation variants (y->i, j/zh->z, q->k, kh/x->h, sh->s, ch->c, a word's
// leading "ie"->"e", doubled letters once); only a-z and 0-9 are kept and the
// words are sorted, so the order of surname and given name does not matter.
// Empty when nothing is left.
std::string name_key(std::string_view name);

struct Candidate {
  people::Person person;
  std::vector<std::string> matched_by;  // "iin", "name"
};

class Matcher {
 public:
  Matcher(const crypto::Protector& protector, const people::PersonStore& people)
      : protector_(protector), people_(people) {}

  // Stores the name key of a person (call when the person is created for a case),
  // within the caller's transaction.
  void remember(store::Connection& connection, std::int64_t person_id,
                std::string_view full_name) const;
  // Known people who may be this one, IIN matches first, then by id; each once.
  std::vector<Candidate> find(store::Connection& connection, const std::optional<std::string>& iin,
                              const std::optional<std::string>& full_name) const;

 private:
  const crypto::Protector& protector_;
  const people::PersonStore& people_;
};

}  // namespace qorgau::cases
