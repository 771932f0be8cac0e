"""Actor mentions: the phrases of a text that name a country, an IGO or other organisation,
or a role (sector), found by phrase matchers over the codebook tables.

``detente_actors`` (a spaCy component) sets ``doc._.mentions``; :func:`mention_at` gives the
mention covering a token. Resolution of noun phrases to actors is :mod:`detente.nlp.actors`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from detente.codebook.lexicon import LexEntry, lexicon

COUNTRY_KINDS = {"name", "short", "old", "demonym", "capital", "metonym", "combining", "place"}
ORG_KINDS = {"igo", "org"}


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of tokens naming (part of) an actor."""

    start: int  # token indices in the Doc
    end: int
    code: str | None  # country (ISO3) or IGO code; None for a sector-only role word
    sector: str | None
    kind: str  # name, short, old, demonym, capital, metonym, combining, igo, agent, person

    @property
    def is_country(self) -> bool:
        return self.kind in COUNTRY_KINDS

    @property
    def is_organisation(self) -> bool:
        """An IGO or another named organisation: its code is whole (IGOUNO, NGAREB)."""
        return self.kind in ORG_KINDS


# --------------------------------------------------------------------------- lexicon


def _case_sensitive(text: str) -> bool:
    """Abbreviations and names must match as written: "US" is not "us", "Turkey" not "turkey"."""
    return any(ch.isupper() for ch in text)


@dataclass
class _Matchers:
    """Two ways to find the lexicon's phrases, with the same result: phrases of plain words
    (letters and spaces: nearly all) are looked up by their token tuple in a dict, which is
    quick to build for tens of thousands of phrases; the others (hyphens, dots, apostrophes)
    go to spaCy phrase matchers, which tokenize them as the text is tokenized."""

    exact: PhraseMatcher
    lower: PhraseMatcher
    items: dict[int, int]  # phrase-matcher label → position in the lexicon
    lexicon: tuple[LexEntry, ...]  # held so that its id() is never reused while cached
    words_exact: dict[tuple[str, ...], list[int]]  # tokens as written → lexicon positions
    words_lower: dict[tuple[str, ...], list[int]]  # lowercased tokens → lexicon positions
    first_exact: dict[str, tuple[int, ...]]  # first token → phrase lengths, longest first
    first_lower: dict[str, tuple[int, ...]]


#: Matchers per (vocabulary, lexicon); a few at most (default lexicon, users' lexicons),
#: the oldest dropped first so that long sessions building many pipelines stay bounded.
_MATCHERS: dict[tuple[int, int], _Matchers] = {}
_MAX_MATCHERS = 8
_PLAIN = re.compile(r"[A-Za-z]+(?: [A-Za-z]+)*")


def _matchers(nlp: Language, items: tuple[LexEntry, ...]) -> _Matchers:
    """Build the matchers once per vocabulary and lexicon (tokenizer only)."""
    key = (id(nlp.vocab), id(items))
    if key in _MATCHERS:
        return _MATCHERS[key]
    exact = PhraseMatcher(nlp.vocab, attr="ORTH")
    lower = PhraseMatcher(nlp.vocab, attr="LOWER")
    by_label: dict[int, int] = {}
    tables: dict[bool, dict[tuple[str, ...], list[int]]] = {True: {}, False: {}}
    firsts: dict[bool, dict[str, set[int]]] = {True: {}, False: {}}
    rules = getattr(nlp.tokenizer, "rules", None) or {}
    for n, item in enumerate(items):
        sensitive = _case_sensitive(item.text)
        variants = {item.text}
        if sensitive and item.kind != "agent":
            # Headline case and all-caps forms of names ("RUSSIA", "Foreign Ministry").
            variants |= {item.text.upper()}
        hard = []
        for v in variants:
            words = v.split()
            if _PLAIN.fullmatch(v) and not any(w in rules or w.lower() in rules for w in words):
                toks = tuple(words if sensitive else (w.lower() for w in words))
                tables[sensitive].setdefault(toks, []).append(n)
                firsts[sensitive].setdefault(toks[0], set()).add(len(toks))
            else:
                hard.append(v)
        if hard:
            label = f"D{id(items)}_{n}"
            by_label[nlp.vocab.strings.add(label)] = n
            (exact if sensitive else lower).add(label, [nlp.make_doc(v) for v in hard])
    m = _Matchers(
        exact,
        lower,
        by_label,
        items,
        tables[True],
        tables[False],
        {w: tuple(sorted(ls, reverse=True)) for w, ls in firsts[True].items()},
        {w: tuple(sorted(ls, reverse=True)) for w, ls in firsts[False].items()},
    )
    if len(_MATCHERS) >= _MAX_MATCHERS:
        _MATCHERS.pop(next(iter(_MATCHERS)))
    _MATCHERS[key] = m
    return m


def _candidates(doc: Doc, m: _Matchers) -> list[tuple[int, int, int]]:
    """Every lexicon phrase in the Doc as (start, end, position in the lexicon)."""
    out: list[tuple[int, int, int]] = []
    for matcher in (m.exact, m.lower):
        out += [(start, end, m.items[label]) for label, start, end in matcher(doc)]
    n = len(doc)
    orths = [t.text for t in doc]
    lowers = [t.lower_ for t in doc]
    tables = [(orths, m.first_exact, m.words_exact), (lowers, m.first_lower, m.words_lower)]
    if not doc.text.isascii():
        # "Curaçao", "São Tomé": names written with accents the tables lack (nact).
        folded = [_fold(w) for w in orths]
        tables += [(folded, m.first_exact, m.words_exact)]
        tables += [([w.lower() for w in folded], m.first_lower, m.words_lower)]
    for words, first, table in tables:
        for i in range(n):
            for length in first.get(words[i], ()):
                if i + length <= n:
                    for pos in table.get(tuple(words[i : i + length]), ()):
                        out.append((i, i + length, pos))
    return out


def _fold(word: str) -> str:
    """The word without its accents ("Curaçao" → "Curacao")."""
    if word.isascii():
        return word
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def find_mentions(
    doc: Doc, nlp: Language, items: tuple[LexEntry, ...] | None = None
) -> list[Mention]:
    """All actor mentions of a Doc, longest match first, no overlaps."""
    m = _matchers(nlp, items if items is not None else lexicon())
    found: list[tuple[int, int, int]] = []
    for start, end, pos in _candidates(doc, m):
        kind = m.lexicon[pos].kind
        span = doc[start:end]
        # A combining form outside a hyphenated compound is no mention; drop it before
        # overlaps are settled, so that "Soviet" the name is not lost to "Soviet-".
        if kind == "combining" and not _is_combining_use(span):
            continue
        if _sympathy_prefix(doc, start):
            continue  # "pro-Russian separatists" side with Russia; they are not Russian
        # A long organisation name matches in any case, but only when written as a name:
        # "the popular resistance" is a phrase, "the Popular Resistance" a group.
        if kind == "org" and not any(t.text[:1].isupper() for t in span):
            continue
        # A place is a proper name that is not a person's ("Lagos", not "Ricardo Lagos").
        if kind == "place" and not all(
            (t.pos_ == "PROPN" or not t.is_alpha) and t.ent_type_ != "PERSON" for t in span
        ):
            continue
        found.append((start, end, pos))
    # Longest first, then leftmost; among equal spans the earlier lexicon entry wins, always
    # (as spaCy's filter_spans, with a tie-break that does not depend on the matcher).
    found.sort(key=lambda c: (c[0] - c[1], c[0], c[2]))
    taken: set[int] = set()
    kept: list[tuple[int, int, int]] = []
    for start, end, pos in found:
        if any(i in taken for i in range(start, end)):
            continue
        taken.update(range(start, end))
        kept.append((start, end, pos))
    out: list[Mention] = []
    for start, end, pos in sorted(kept):
        item = m.lexicon[pos]
        if item.kind in COUNTRY_KINDS and _in_place_name(doc[start:end], item.kind):
            continue
        out.append(Mention(start, end, item.code, item.sector, item.kind))
    return out


def _in_place_name(span: Span, kind: str = "") -> bool:
    """ "the South China Sea", "the Gulf of Mexico", "the Korean Peninsula": a country's name
    inside a geographic name names a place, not the country; "the Paris Agreement", "the
    Minsk talks": a capital's name before an accord or a meeting names where it was made."""
    from detente.codebook.countries import place_words

    words = place_words()
    doc = span.doc
    if span.end < len(doc):
        nxt = doc[span.end]
        if nxt.lower_ in words["after"] and nxt.text[:1].isupper():
            return True
        if kind in {"capital", "place"} and nxt.lower_ in words["after_city"]:
            return True
    if span.start >= 2 and doc[span.start - 1].lower_ == "of":
        prev = doc[span.start - 2]
        return prev.lower_ in words["before"] and prev.text[:1].isupper()
    return False


_SYMPATHY = {"pro", "anti"}


def _sympathy_prefix(doc: Doc, start: int) -> bool:
    """ "pro-Russian", "anti-American": the name after the prefix tells a stance."""
    return (
        start >= 2
        and doc[start - 1].text == "-"
        and not doc[start - 1].whitespace_
        and doc[start - 2].lower_ in _SYMPATHY
        and not doc[start - 2].whitespace_
    )


def _is_combining_use(span: Span) -> bool:
    """ "Indo" or "Pak" count only inside a hyphenated compound ("Indo-Pak", "Pak-US")."""
    doc = span.doc
    before = doc[span.start - 1].text if span.start > 0 else ""
    after = doc[span.end].text if span.end < len(doc) else ""
    return before in {"-", "–"} or after in {"-", "–"}


if not Doc.has_extension("mentions"):
    Doc.set_extension("mentions", default=None)


@Language.factory("detente_actors", default_config={})
def make_actor_component(nlp: Language, name: str) -> ActorComponent:
    # The lexicon is a tuple of LexEntry objects, not configuration values: a caller with its
    # own dictionaries sets ``items`` on the added component (see nlp.pipeline.build_pipeline).
    return ActorComponent(nlp)


class ActorComponent:
    """spaCy component: sets ``doc._.mentions`` (list of :class:`Mention`).

    ``items`` is the lexicon (default: the packaged country, IGO, agent tables); a caller
    may replace it, e.g. with entries read from PETRARCH-format dictionaries.
    """

    def __init__(self, nlp: Language, items: tuple[LexEntry, ...] | None = None) -> None:
        self.nlp = nlp
        self.items = items

    def __call__(self, doc: Doc) -> Doc:
        doc._.mentions = find_mentions(doc, self.nlp, self.items)
        return doc


def mention_at(tok: Token) -> Mention | None:
    """The mention covering a token (a per-document index: this is called very often)."""
    doc = tok.doc
    mentions = doc._.mentions or ()
    index = doc.user_data.get("detente_mention_index")
    if index is None or index[0] is not mentions:
        by_token = {i: m for m in mentions for i in range(m.start, m.end)}
        index = (mentions, by_token)
        doc.user_data["detente_mention_index"] = index
    return index[1].get(tok.i)


def mentions_in(span: Span) -> list[Mention]:
    return [m for m in span.doc._.mentions or () if span.start <= m.start < span.end]
