// Whether a piece of text a person typed is fit to be stored and shown: well-formed UTF-8 (no
// overlong forms, no encoded surrogates, nothing past U+10FFFF, as ICU's U8_NEXT decodes it) made
// only of characters that print. Control characters (newlines included), format characters
// (such as the right-to-left override that disguises a file name), line and paragraph
// separators, private-use and unassigned code points are refused.
// Used for single-line texts: evidence file names, the help poster's institution name.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace qorgau::core {

// The number of code points in `text` if it is printable (see above), nullopt otherwise.
// The empty text is printable and has 0 code points.
std::optional<std::size_t> count_printable(std::string_view text);

}  // namespace qorgau::core
