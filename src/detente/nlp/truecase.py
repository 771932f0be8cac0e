"""Re-case Title Case headlines before parsing, keeping every character offset.

In "Egypt and Kenya Sign Trade Agreement" a statistical tagger reads every capitalised word
as a proper noun, so the verb is lost. For lines written in Title Case (headlines, titles),
detente parses a copy in which ordinary words are lower-cased while names it knows
(countries, capitals, organisations, months, days) and acronyms keep their case. Only the
case of letters changes, so offsets into the copy are offsets into the original, and the
sentences detente reports are sliced from the original text.
"""

from __future__ import annotations

import re
from functools import cache

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_SMALL = {
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of", "on", "or",
    "over", "the", "to", "with", "amid", "after", "before", "against", "its", "his", "her",
}  # fmt: skip
_CALENDAR = {
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday",
    "Friday", "Saturday", "Sunday",
}  # fmt: skip
#: A line is a headline when at least this share of its content words are capitalised.
TITLE_SHARE = 0.8


@cache
def _names() -> tuple[frozenset[str], tuple[str, ...]]:
    """Single-word names (and calendar words) and multi-word names from detente's lexicon
    that are written with capitals ("Kenya", "May"; "United States", "North Korea")."""
    from detente.codebook.lexicon import lexicon

    single: set[str] = set(_CALENDAR)
    multi: set[str] = set()
    for item in lexicon():
        if item.kind == "agent" or not any(ch.isupper() for ch in item.text):
            continue
        words = _WORD.findall(item.text)
        if len(words) == 1:
            single.add(words[0])
        elif words:
            multi.add(item.text)
    return frozenset(single), tuple(sorted(multi, key=len, reverse=True))


def _is_title_case(line: str) -> bool:
    """A headline: no closing sentence punctuation, and its content words capitalised."""
    if line.rstrip().endswith((".", "!", "?", ":", ";", '"', "”")):
        return False
    content = [w for w in _WORD.findall(line) if w.lower() not in _SMALL]
    if len(content) < 3:
        return False
    upper = sum(1 for w in content if w[0].isupper())
    return upper / len(content) >= TITLE_SHARE


def _lower_same_length(word: str) -> str:
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in word)


def recase_headlines(text: str) -> str:
    """``text`` with Title Case lines re-cased for parsing; same length, same offsets."""
    if not any(_is_title_case(line) for line in text.splitlines()):
        return text
    single, multi = _names()
    out: list[str] = []
    for line in text.splitlines(keepends=True):
        if not _is_title_case(line):
            out.append(line)
            continue
        # Characters inside a multi-word name that occurs in the line keep their case.
        named: set[int] = set()
        for name in multi:
            start = line.find(name)
            while start >= 0:
                named.update(range(start, start + len(name)))
                start = line.find(name, start + 1)
        pieces: list[str] = []
        last = 0
        for n, m in enumerate(_WORD.finditer(line)):
            word = m.group(0)
            stem = re.sub(r"['’]s$", "", word)  # "Pakistan's" is a name too
            keep = (
                n == 0 or stem in single or m.start() in named or (word.isupper() and len(word) > 1)
            )
            pieces.append(line[last : m.start()])
            pieces.append(word if keep else _lower_same_length(word))
            last = m.end()
        pieces.append(line[last:])
        out.append("".join(pieces))
    result = "".join(out)
    return result if len(result) == len(text) else text
