"""The sentence of a token, found by walking to the nearest boundaries.

spaCy's ``Token.sent`` iterates over ``Doc.sents`` from the start of the document at every
call, which made sentence look-ups in long documents quadratic; this walk is bounded by the
sentence's own length and gives the same span.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token


def sentence_of(tok: Token) -> Span:
    """The sentence ``tok`` is in (the same span as ``tok.sent``)."""
    doc = tok.doc
    i = tok.i
    while i > 0 and not doc[i].is_sent_start:
        i -= 1
    j = tok.i + 1
    while j < len(doc) and not doc[j].is_sent_start:
        j += 1
    return doc[i:j]


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc: spaCy joins every token's text at each access."""
    text = doc.user_data.get("detente_text")
    if text is None:
        text = doc.user_data["detente_text"] = doc.text
    return text
