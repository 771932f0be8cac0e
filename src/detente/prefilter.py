"""Which sentences can hold an event, decided on the tokenizer's output alone.

Most sentences of a news story hold no act between two actors, and the dependency parse
(tagger, parser, lemmatizer, named entities) is most of the cost of coding them. Before the
parse, a text is cut into *units* (sentences as punctuation and blank lines show them) and a
unit is a **candidate** when it has

* a word that may trigger an act: a verb or noun of the loaded event patterns, in any of
  the forms the pipeline's own lemmatizer tables can reduce to it, and — for a verb whose
  every pattern needs certain words ("make * visit", objects such as "aid") — those words
  too; and
* a word that may name an actor: a phrase of the actor lexicon (the same phrase tables the
  ``detente_actors`` component matches: names, demonyms, capitals, role words), a capitalised
  name, a pronoun or a group noun ("both sides").

A unit is **parsed** when it is a candidate, the unit before a candidate (pronouns and the
time of the narrative reach back one sentence), the first unit (a title gives the dyad in
focus and a headline may restate the lead), a unit that names a country (the count of
countries named decides the dyad in focus) or one that holds a time expression (a skipped
unit's blanks join the sentence before, which would then seem to hold its date). The others are blanked — replaced by spaces,
line breaks kept — so every offset, paragraph and line stays where it was, and the parser
spends nothing on them. Time expressions are tagged on the whole text, not only on what is
parsed, so a date in a skipped sentence still sets the narrative's time.

The word sets are built from the ``Patterns`` and the pipeline the coder runs, so they follow
any change of the vocabulary. The filter is a shortcut, not a second coder: the tests check
that it gives the same events as the full parse (``--no-filter``) on news corpora.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

from detente.nlp.mentions import COUNTRY_KINDS, _candidates, _matchers
from detente.nlp.modality import base_forms
from detente.nlp.patterns import NULL_CODE, Patterns, VerbPattern

#: Words that may stand for an actor named elsewhere (pronouns, "both sides", "the two
#: countries"): resolved from the discourse, they make a sentence a candidate too.
REFERRING_WORDS = frozenset(
    {"he", "she", "him", "her", "his", "hers", "they", "them", "their", "theirs", "it",
     "its", "we", "our", "us", "i", "my", "me", "you", "your", "both", "two", "side",
     "sides", "country", "countries", "nation", "nations", "state", "states", "government",
     "governments", "party", "parties", "neighbour", "neighbours", "neighbor", "neighbors"}
)  # fmt: skip

_ENDS = {".", "!", "?", "…", "...", "!!", "?!", "!?"}
_CLOSERS = {'"', "'", "”", "’", "»", ")", "]"}


@dataclass(frozen=True, slots=True)
class Unit:
    """A stretch of text the filter keeps or skips whole: token and character offsets."""

    start: int  # token index
    end: int
    start_char: int
    end_char: int
    candidate: bool
    parsed: bool


@dataclass
class SentenceFilter:
    """Decides, per text, which units are parsed (see the module's docstring)."""

    nlp: Language
    patterns: Patterns
    _trigger_cache: dict[str, bool] = field(default_factory=dict, repr=False)
    _lemma_cache: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        p = self.patterns
        self._verbs = p.verbs
        self._nouns = frozenset(p.nouns) | frozenset(p.noun_alternatives) | p.unilateral
        self._lemma_rules, self._lemma_exc = _lemma_tables(self.nlp)
        self._lemma_aliases = _attribute_lemmas(self.nlp)
        component = (
            self.nlp.get_pipe("detente_actors") if "detente_actors" in self.nlp.pipe_names else None
        )
        from detente.codebook.lexicon import lexicon

        items = getattr(component, "items", None) or lexicon()
        self._matchers = _matchers(self.nlp, items)

    # -- words -------------------------------------------------------------------
    def lemmas(self, word: str) -> frozenset[str]:
        """Every base form the pipeline could give ``word`` (lowercased), whatever its tag:
        the word itself, the lemmatizer's exceptions and suffix rules for verbs, nouns and
        adjectives, the attribute ruler's lemmas, and the coder's regular base forms."""
        hit = self._lemma_cache.get(word)
        if hit is not None:
            return hit
        out = {word, *base_forms(word)}
        alias = self._lemma_aliases.get(word)
        if alias:
            out |= alias
        for pos, rules in self._lemma_rules.items():
            out.update(self._lemma_exc.get(pos, {}).get(word, ()))
            for old, new in rules:
                if word.endswith(old):
                    out.add(word[: len(word) - len(old)] + new)
        if len(self._lemma_cache) > 200_000:
            self._lemma_cache.clear()  # bounded: a long run meets ever new word forms
        hit = self._lemma_cache[word] = frozenset(out)
        return hit

    def _verb_keys(self, word: str, forms: frozenset[str]) -> list[str]:
        keys = [f for f in forms if f in self._verbs]
        keys += [f"re-{f}" for f in forms if f"re-{f}" in self._verbs]
        return keys

    def is_trigger_word(self, word: str) -> bool:
        """Can this word (lowercased) trigger an act of some pattern, given the right words
        around it? (Nouns always; verbs when some non-null pattern is theirs.)"""
        hit = self._trigger_cache.get(word)
        if hit is None:
            forms = self.lemmas(word)
            hit = not forms.isdisjoint(self._nouns) or any(
                any(vp.code != NULL_CODE for vp in self._verbs[k])
                for k in self._verb_keys(word, forms)
            )
            self._trigger_cache[word] = hit
        return hit

    def _verb_fires(self, word: str, present: set[str]) -> bool:
        """Is a pattern of the verb ``word`` possible given the words ``present`` in its
        unit (forms and lemmas)? Nouns and unilateral acts count without conditions."""
        forms = self.lemmas(word)
        if not forms.isdisjoint(self._nouns):
            return True
        return any(
            _possible(vp, present) for k in self._verb_keys(word, forms) for vp in self._verbs[k]
        )

    # -- units -------------------------------------------------------------------
    def units(self, doc: Doc, keep_chars: Iterable[int] = ()) -> list[Unit]:
        """Cut a tokenized text into units and decide which are parsed; a unit holding one
        of the ``keep_chars`` offsets (where time expressions start) is parsed too."""
        toks = list(doc)
        n = len(toks)
        bounds = _unit_bounds(toks)
        lexicon = self._matchers.lexicon
        has_actor = [False] * n
        names_country = [False] * n
        for s, _, pos in _candidates(doc, self._matchers):
            has_actor[s] = True
            if lexicon[pos].kind in COUNTRY_KINDS:
                names_country[s] = True
        lowers = [t.lower_ for t in toks]
        cands: list[bool] = []
        countries: list[bool] = []
        for a, b in bounds:
            actor = any(has_actor[a:b]) or any(
                lowers[i] in REFERRING_WORDS
                or (toks[i].text[:1].isupper() and (i > a or not toks[i].is_stop))
                for i in range(a, b)
            )
            trigger = False
            if actor:
                words = [lowers[i] for i in range(a, b) if self.is_trigger_word(lowers[i])]
                if words:
                    present: set[str] = set()
                    for w in lowers[a:b]:
                        present |= self.lemmas(w)
                    trigger = any(self._verb_fires(w, present) for w in words)
            cands.append(actor and trigger)
            countries.append(any(names_country[a:b]))
        keep = sorted(keep_chars)
        out: list[Unit] = []
        for k, (a, b) in enumerate(bounds):
            start_char = toks[a].idx
            end_char = toks[b - 1].idx + len(toks[b - 1]) if b > a else start_char
            parsed = (
                k == 0
                or cands[k]
                or countries[k]
                or (k + 1 < len(bounds) and cands[k + 1])
                or _holds(keep, start_char, end_char)
            )
            out.append(Unit(a, b, start_char, end_char, cands[k], parsed))
        return out


def _holds(offsets: list[int], start: int, end: int) -> bool:
    """Does the sorted list ``offsets`` hold a value in ``[start, end)``?"""
    from bisect import bisect_left

    i = bisect_left(offsets, start)
    return i < len(offsets) and offsets[i] < end


def blank_units(text: str, units: Iterable[Unit]) -> str:
    """``text`` with the units not parsed replaced by spaces (line breaks kept)."""
    chars = list(text)
    for u in units:
        if not u.parsed:
            for i in range(u.start_char, u.end_char):
                if chars[i] not in "\n\r":
                    chars[i] = " "
    return "".join(chars)


def _possible(vp: VerbPattern, present: set[str]) -> bool:
    """Can this verb pattern match in a sentence whose words (forms and lemmas) are
    ``present``? Only the conditions that name words are checked: required words before
    and after the verb, and the lemmas its object must have."""
    if vp.code == NULL_CODE:
        return False
    for seq in (vp.before, vp.after):
        if seq is not None and not seq.possible(present):
            return False
    return vp.objects is None or not vp.objects.isdisjoint(present)


def _unit_bounds(toks: list) -> list[tuple[int, int]]:
    """Token ranges of units: a unit ends after sentence-final punctuation (and closing
    quotes) before a capital, a digit or an opening quote, or at a blank line. Cutting too
    seldom is safe (a unit is kept or skipped whole); abbreviations ("U.S.") are one token
    and never end a unit."""
    bounds: list[tuple[int, int]] = []
    n = len(toks)
    start = 0
    i = 0
    while i < n:
        t = toks[i]
        end = None
        if t.text in _ENDS:
            j = i + 1
            while j < n and toks[j].text in _CLOSERS:
                j += 1
            k = j
            while k < n and toks[k].is_space:
                k += 1
            gap = toks[j - 1].whitespace_ or (toks[j].is_space if j < n else False)
            if (
                k < n
                and gap
                and (toks[k].text[:1].isupper() or toks[k].text[:1] in "\"“'‘(0123456789")
            ):
                end = k
        elif t.is_space and "\n\n" in t.text.replace(" ", "").replace("\r", ""):
            end = i + 1
        if end is not None and end > start:
            bounds.append((start, end))
            start = end
            i = end
            continue
        i += 1
    if start < n:
        bounds.append((start, n))
    return bounds


def _lemma_tables(nlp: Language) -> tuple[dict, dict]:
    """The rule lemmatizer's suffix rules and exceptions (empty for other lemmatizers)."""
    if "lemmatizer" not in nlp.pipe_names:
        return {}, {}
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None:
        return {}, {}
    rules = dict(lookups.get_table("lemma_rules", {})) if "lemma_rules" in lookups else {}
    exc = dict(lookups.get_table("lemma_exc", {})) if "lemma_exc" in lookups else {}
    rules = {pos: rules[pos] for pos in ("verb", "noun", "adj") if pos in rules}
    return rules, exc


def _attribute_lemmas(nlp: Language) -> dict[str, set[str]]:
    """Lemmas the attribute ruler sets by word ("'d" → would, "n't" → not)."""
    out: dict[str, set[str]] = {}
    if "attribute_ruler" not in nlp.pipe_names:
        return out
    for p in nlp.get_pipe("attribute_ruler").patterns:
        lemma = p.get("attrs", {}).get("LEMMA")
        if not lemma:
            continue
        for pattern in p.get("patterns", []):
            for tok in pattern:
                word = tok.get("LOWER") or tok.get("ORTH")
                if isinstance(word, str):
                    out.setdefault(word.lower(), set()).add(lemma.lower())
    return out
