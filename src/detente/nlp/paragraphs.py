"""Sentence boundaries the parser must respect: paragraph breaks and short lines.

The statistical parser sometimes runs a headline, dateline or heading into the sentence
after it ("The Daily Telegraph - October 12, 2001\\n\\nThe United States ..."), which
mixes their words into one act. A blank line always ends a sentence; so does the end of a
short line (a heading such as "1987:" or a dated list entry), as typeset text shows.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

#: Lines up to this long that end without punctuation are headings, not wrapped prose.
HEADING_MAX_CHARS = 60


class ParagraphMarker:
    """spaCy component ``detente_paragraphs``: sentence starts after blank and short lines."""

    def __init__(self, heading_max_chars: int = HEADING_MAX_CHARS) -> None:
        self.heading_max_chars = heading_max_chars

    def __call__(self, doc: Doc) -> Doc:
        return mark_paragraph_starts(doc, self.heading_max_chars)


@Language.factory("detente_paragraphs", default_config={"heading_max_chars": HEADING_MAX_CHARS})
def make_paragraph_marker(nlp: Language, name: str, heading_max_chars: int) -> ParagraphMarker:
    return ParagraphMarker(heading_max_chars)


def mark_paragraph_starts(doc: Doc, heading_max_chars: int = HEADING_MAX_CHARS) -> Doc:
    """Set ``is_sent_start`` on the first token after a blank line or a short line."""
    text = doc.text
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        gap = prev.whitespace_ if not prev.is_space else prev.text + prev.whitespace_
        if tok.is_space or "\n" not in gap:
            continue
        if "\n\n" in gap.replace("\r", "").replace(" ", "").replace("\t", ""):
            tok.is_sent_start = True
            continue
        line_start = text.rfind("\n", 0, prev.idx) + 1
        line = text[line_start : prev.idx + len(prev)].strip()
        if line and len(line) <= heading_max_chars:
            tok.is_sent_start = True
    return doc
