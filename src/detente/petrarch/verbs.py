"""Read PETRARCH-1 (TABARI-style) verb dictionaries into detente's event :class:`Patterns`.

The format, as documented in the headers of the dictionary files and in PETRARCH's
``dictionaries.rst`` (derived from the TABARI manual):

* Comments: ``# ...`` to the end of the line and ``<!-- ... -->`` (also over several lines).
* Synsets: a line ``&NAME`` followed by ``+item`` lines; an item may be several words
  (``+SWISS FRANCS``) or another synset (``+&TIETYPES``).
* Verb blocks: a header ``--- VERB [code] ---`` giving the block's default code, then the
  verb forms: the primary verb (``BREAK { BROKE BROKEN }``: irregular forms in braces),
  synonyms ``+VERB``, and verbs with a code of their own (``DOWNPLAY [014]``). Multi-word
  verbs join words with ``_``; a ``+`` inside marks the word that is conjugated
  (``WIRE_+TAP``), otherwise it is the first word (``+CORDON_OFF``).
* Patterns: ``- lower * upper [code]`` where ``*`` is the verb, ``$`` the source, ``+`` the
  target, ``%`` a compound actor taking both roles, ``^`` a skipped noun phrase, ``&NAME``
  a synset, and ``_`` joins words that must be consecutive.
* Codes: ``[---]`` is the null code (the verb or pattern codes nothing); ``[A:B]`` is a
  *paired* event: source→target coded A and target→source coded B ("X left for Y" gives
  X→Y 032 and Y→X 033). Codes are kept as written (the validation dictionary uses WEIS-style
  and made-up codes such as ``174K``).

detente's verb patterns are keyed by lemma; the conversion, made explicit here:

* each verb form is lemmatised; when a base form and an inflected form have blocks of their
  own (``MEET`` and ``MET``), the base form's default wins and the patterns are merged
  under the lemma, and every block headed by an inflected form is also keyed by the form
  itself (``"met"``, both ``SHOT`` blocks) for a coder that looks a word up as written;
* a pattern's words become :class:`~detente.nlp.patterns.WordSeq` conditions: the words
  before ``*`` must occur, in order, before the verb in its clause (``SAID *``,
  ``&NEGATVAUXVRB EVER *``), the words after it in the verb's own phrase (``* &TIETYPES
  TIES``); words joined by ``_`` must be adjacent, a blank lets other words come between,
  and words match written forms (``RESOLUTION`` is not "resolutions");
* a multi-word verb (``WIRE_+TAP``, ``+CORDON_OFF``) needs its other words right next to
  the conjugated one, in its default and in each pattern of its block;
* markers: ``%`` before the verb makes a reciprocal pattern that needs a compound subject;
  a target before the verb or a source after it (``+ * FROM $``) swaps the roles; the
  preposition before a ``$``/``+`` after the verb, or first after it, introduces an
  argument rather than a circumstance; ``^`` only opens a gap;
* alternatives are tried most specific first (most word slots), file order among equals,
  then the verb's default;
* a paired code ``A:B`` is carried as the code string ``"A:B"``; :func:`expand_paired`
  turns each coded triple into its two directed events.

Nothing here is PETRARCH code; the format was read from the data files.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from detente.nlp.patterns import Patterns, VerbPattern, WordSeq
from detente.petrarch.actors import _strip_comments

__all__ = [
    "NULL_CODE",
    "PetrarchPattern",
    "PetrarchVerb",
    "VerbDictionary",
    "expand_paired",
    "load_verb_dictionary",
    "parse_verb_dictionary",
    "to_patterns",
]

NULL_CODE = "---"

#: A function ``(word, pos) -> lemma`` where pos is "VERB" or "NOUN".
Lemmatizer = Callable[[str, str], str]

_HEADER_RE = re.compile(r"^---\s*(?P<words>.*?)\s*(?P<codes>(?:\[[^\]]*\]\s*)*)-*\s*$")
_CODE_RE = re.compile(r"\[([^\]]*)\]")
_FORMS_RE = re.compile(r"\{([^}]*)\}")

#: Words that, first after the verb, introduce a prepositional complement.
_PREPOSITIONS = frozenset(
    [
        "about",
        "against",
        "among",
        "at",
        "between",
        "by",
        "for",
        "from",
        "in",
        "into",
        "of",
        "on",
        "over",
        "to",
        "toward",
        "towards",
        "upon",
        "with",
        "within",
        "without",
        "across",
        "through",
    ]
)
_MARKERS = frozenset("$+%^")


@dataclass(frozen=True, slots=True)
class PetrarchPattern:
    """One pattern line: the words before and after the verb, and its code."""

    lower: tuple[str, ...]  # words (lowercase) and markers before "*", in order
    upper: tuple[str, ...]  # after "*"
    code: str
    line: int = 0
    body: str = ""  # the pattern as written, "_" joins kept ("MOST_CERTAINLY_&NEG *")

    @property
    def text(self) -> str:
        return " ".join([*self.lower, "*", *self.upper])


@dataclass(slots=True)
class PetrarchVerb:
    """One verb form of a block: its words, which one is the verb, and its default code."""

    words: tuple[str, ...]  # lowercase, e.g. ("wire", "tap")
    head: int  # index of the conjugated word in ``words``
    code: str | None  # the default code (None: no default, only patterns code)
    forms: tuple[str, ...] = ()  # irregular forms of the head word, lowercase
    block: int = 0  # index of the block in the file

    @property
    def verb(self) -> str:
        return self.words[self.head]


@dataclass(slots=True)
class VerbDictionary:
    """A parsed verb dictionary: synsets, verb forms and the patterns of each block."""

    synsets: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    verbs: list[PetrarchVerb] = field(default_factory=list)
    patterns: dict[int, list[PetrarchPattern]] = field(default_factory=dict)  # by block
    skipped: dict[str, int] = field(default_factory=dict)  # why a pattern was dropped → count
    block_names: list[str] = field(default_factory=list)  # "PHYSICAL_CONFLICT", by block

    def expand(self, word: str, depth: int = 0) -> list[tuple[str, ...]]:
        """The phrases a pattern word stands for: itself, or a synset's items (recursively)."""
        if not word.startswith("&"):
            return [(word,)]
        name = word[1:].upper().rstrip("_")
        out: list[tuple[str, ...]] = []
        for item in self.synsets.get(name, ()):
            if len(item) == 1 and item[0].startswith("&") and depth < 5:
                out += self.expand(item[0], depth + 1)
            else:
                out.append(item)
        return out


def _words(text: str) -> list[str]:
    """Split a phrase on blanks and ``_`` (consecutiveness is not kept)."""
    return [w for w in re.split(r"[\s_]+", text.strip().lower()) if w]


def _verb_form(text: str) -> tuple[tuple[str, ...], int] | None:
    """``"WIRE_+TAP"`` → (("wire", "tap"), 1); ``"+CORDON_OFF"`` → (("cordon", "off"), 0)."""
    text = text.strip().lstrip("+")
    if not text:
        return None
    parts = [p for p in re.split(r"[\s_]+", text) if p]
    head = 0
    words: list[str] = []
    for i, p in enumerate(parts):
        if p.startswith("+"):
            head = i
        words.append(p.lstrip("+").lower())
    words = [w for w in words if w]
    if not words:
        return None
    return tuple(words), min(head, len(words) - 1)


_HASH = "\x00"


def _protect_codes(lines: Iterable[str]) -> Iterable[str]:
    """Hide ``#`` inside code brackets (``[###]``, TABARI's discard code) from the comment
    stripper, which would otherwise cut the line there."""
    for line in lines:
        yield re.sub(r"\[[^\]]*\]", lambda m: m[0].replace("#", _HASH), line)


def parse_verb_dictionary(lines: Iterable[str], name: str = "<verbs>") -> VerbDictionary:
    """Parse the lines of a PETRARCH-1 verb dictionary (see the module docstring).

    Raises:
        ValueError: a pattern line outside any verb block, naming the file and line.
    """
    d = VerbDictionary()
    block = -1
    block_code: str | None = None
    synset: str | None = None
    for n, line, _note in _strip_comments(_protect_codes(lines)):
        s = line.strip().replace(_HASH, "#")
        if not s:
            synset = None
            continue
        if s.startswith("---"):
            m = _HEADER_RE.match(s)
            codes = _CODE_RE.findall(m["codes"]) if m else _CODE_RE.findall(s)
            block += 1
            d.block_names.append(m["words"].split()[0].upper() if m and m["words"] else "")
            code = codes[0].strip().upper() if codes else NULL_CODE
            block_code = None if code in {NULL_CODE, ""} else code
            d.patterns[block] = []
            synset = None
            continue
        if s.startswith("&"):
            synset = s[1:].split()[0].upper().rstrip("_")
            d.synsets[synset] = ()
            continue
        if synset is not None and s.startswith("+"):
            item = tuple(_words(s[1:]))
            if item:
                d.synsets[synset] = (*d.synsets[synset], item)
            continue
        synset = None
        if s.startswith("-"):
            if block < 0:
                raise ValueError(f"{name}:{n}: pattern outside a verb block")
            codes = _CODE_RE.findall(s)
            body = _CODE_RE.sub(" ", s[1:])
            code = codes[0].replace(" ", "").upper() if codes else (block_code or NULL_CODE)
            toks = _words(body.replace("*", " * "))
            if "*" not in toks:
                d.skipped["no verb marker"] = d.skipped.get("no verb marker", 0) + 1
                continue
            i = toks.index("*")
            d.patterns[block].append(
                PetrarchPattern(
                    tuple(toks[:i]), tuple(toks[i + 1 :]), code, n, " ".join(body.split())
                )
            )
            continue
        if block < 0:
            continue
        # A verb form: primary, "+synonym", or "WORD [code]" with a code of its own.
        codes = _CODE_RE.findall(s)
        forms = _FORMS_RE.findall(s)
        head_text = _FORMS_RE.sub(" ", _CODE_RE.sub(" ", s))
        vf = _verb_form(head_text)
        if vf is None:
            continue
        words, head = vf
        own = codes[0].replace(" ", "").upper() if codes else None
        code = own if own is not None else block_code
        if code == NULL_CODE:
            code = None
        irregular: list[str] = []
        for group in forms:
            for f in group.split():
                fv = _verb_form(f)
                if fv is not None:
                    irregular.append(fv[0][min(fv[1], len(fv[0]) - 1)])
        d.verbs.append(PetrarchVerb(words, head, code, tuple(irregular), block))
    return d


def load_verb_dictionary(path: str | Path) -> VerbDictionary:
    """Parse a PETRARCH-1 verb dictionary file."""
    path = Path(path)
    with path.open(encoding="utf-8", errors="replace") as f:
        return parse_verb_dictionary(f, path.name)


# --------------------------------------------------------------------- to detente patterns


def spacy_lemmatizer(nlp: object | None = None) -> Lemmatizer:
    """A ``(word, pos) -> lemma`` function from a spaCy pipeline's rule lemmatizer."""
    from spacy.tokens import Doc

    if nlp is None:
        from detente.nlp.pipeline import load_pipeline

        nlp = load_pipeline()
    lem = nlp.get_pipe("lemmatizer")  # type: ignore[attr-defined]
    cache: dict[tuple[str, str], str] = {}

    def lemmatize(word: str, pos: str) -> str:
        key = (word, pos)
        if key not in cache:
            doc = Doc(nlp.vocab, words=[word])  # type: ignore[attr-defined]
            doc[0].pos_ = pos
            found = lem.rule_lemmatize(doc[0])
            cache[key] = (found[0] if found else word).lower()
        return cache[key]

    return lemmatize


_CONTRACTION_RE = re.compile(r"^(\w+)(n't)$")


def _pattern_items(body: str) -> list[tuple[str, bool]]:
    """The words and markers of a pattern with, for each, whether it is joined to the one
    before it by ``_`` (must be adjacent) rather than by a blank (other words may come
    between). ``"SAID WOULD_*_TALKS"`` → said, would, *(joined), talks(joined)."""
    out: list[tuple[str, bool]] = []
    sep = ""
    for m in re.finditer(r"[\s_]+|\*|[^\s_*]+", body):
        tok = m.group(0)
        if not tok.strip(" \t_"):
            sep += tok
            continue
        joined = bool(out) and "_" in sep and not any(ch.isspace() for ch in sep)
        out.append((tok.lower(), joined))
        sep = ""
    return out


def _side(items: list[tuple[str, bool]], d: VerbDictionary, *, reverse: bool) -> WordSeq | None:
    """The words on one side of ``*`` (given outward from the verb, each with its join to
    the item nearer the verb) as a :class:`WordSeq`; markers only open a gap."""
    slots: list[tuple[tuple[str, ...], ...]] = []
    tight: list[bool] = []
    gap = False
    for word, joined in items:
        if word in _MARKERS:
            gap = True
            continue
        phrases: list[tuple[str, ...]] = []
        for item in d.expand(word.rstrip("_") if word.startswith("&") else word):
            words: list[str] = []
            for w in item:
                w = w.strip("_")
                m = _CONTRACTION_RE.match(w)
                words += [m.group(1), m.group(2)] if m else [w]  # TreeBank: "do n't"
            words = [w for w in words if w]
            if words:
                phrases.append(tuple(reversed(words)) if reverse else tuple(words))
        if not phrases:
            return None  # an empty or unknown synset: the pattern can never match
        slots.append(tuple(dict.fromkeys(phrases)))
        tight.append(joined and not gap)
        gap = False
    return WordSeq(tuple(slots), tuple(tight)) if slots else None


def _convert(pat: PetrarchPattern, d: VerbDictionary) -> tuple[VerbPattern | None, str | None]:
    """A pattern as a detente VerbPattern, or None and the reason it cannot be expressed.

    The words before and after ``*`` become :class:`WordSeq` conditions; ``%`` before the
    verb makes the pattern reciprocal; a target before the verb or a source after it
    (``+ * FROM $``) swaps the roles; the preposition right before a ``$``/``+`` after the
    verb, and a leading one, introduce arguments rather than circumstances.
    """
    items = _pattern_items(pat.body or pat.text)
    if sum(1 for w, _ in items if w == "*") != 1:
        return None, "no verb marker"
    star = next(i for i, (w, _) in enumerate(items) if w == "*")
    lower, upper = items[:star], items[star + 1 :]
    # Outward from the verb, each item carrying its join to the item nearer the verb.
    before_items = [(lower[k][0], (items[k + 1][1])) for k in range(len(lower) - 1, -1, -1)]
    after_items = list(upper)
    before = _side(before_items, d, reverse=True) if lower else None
    after = _side(after_items, d, reverse=False) if upper else None
    if (lower and before is None and any(w not in _MARKERS for w, _ in lower)) or (
        upper and after is None and any(w not in _MARKERS for w, _ in upper)
    ):
        return None, "unknown synset"
    low_marks = [w for w, _ in lower if w in _MARKERS]
    up_marks = [w for w, _ in upper if w in _MARKERS]
    swap = ("+" in low_marks and "$" not in low_marks) or ("$" in up_marks and "+" not in up_marks)
    # "% *": the subject is a compound actor whose members act on each other.
    reciprocal = "%" in low_marks
    arg_preps: set[str] = set()
    up_words = [w for w, _ in upper]
    if up_words and up_words[0] in _PREPOSITIONS:
        arg_preps.add(up_words[0])
    for k, w in enumerate(up_words):
        if w in {"$", "+"} and k > 0 and up_words[k - 1].rstrip("_") in _PREPOSITIONS:
            arg_preps.add(up_words[k - 1].rstrip("_"))
    code = pat.code
    if reciprocal and ":" in code:
        code = code.split(":", 1)[0]
    return (
        VerbPattern(
            code=code,
            reciprocal=reciprocal,
            needs_compound=reciprocal,
            before=before,
            after=after,
            swap=swap,
            arg_preps=frozenset(arg_preps) or None,
        ),
        None,
    )


def _with_form(vp: VerbPattern, pre: tuple[str, ...], post: tuple[str, ...]) -> VerbPattern:
    """A pattern of a multi-word verb ("WIRE_+TAP", "+CORDON_OFF"): the verb's other words
    must stand right next to it, before the pattern's own words."""
    if not pre and not post:
        return vp
    before, after = vp.before, vp.after
    if pre:
        own = tuple(((w,),) for w in reversed(pre))
        before = WordSeq(
            own + (before.slots if before else ()),
            (True,) * len(own) + (before.tight if before else ()),
        )
    if post:
        own = tuple(((w,),) for w in post)
        after = WordSeq(
            own + (after.slots if after else ()),
            (True,) * len(own) + (after.tight if after else ()),
        )
    return replace(vp, before=before, after=after)


def to_patterns(d: VerbDictionary, lemmatize: Lemmatizer | None = None) -> Patterns:
    """detente :class:`Patterns` from a parsed verb dictionary (see the module docstring).

    For each verb lemma the alternatives are the expressible patterns of its blocks, most
    specific (most word slots) first, as PETRARCH prefers longer patterns, then the verb's
    default code. A multi-word verb ("BREAK_DOWN") adds its other words to each pattern of
    its block and to its default. A null default (``[---]``) adds no default: the verb
    codes only through its patterns. Null-coded patterns are kept with the code ``"---"``
    so that they shadow the default, as in PETRARCH; events with that code are meant to be
    dropped by the caller.
    """
    lemmatize = lemmatize or spacy_lemmatizer()
    converted: dict[int, list[VerbPattern]] = {}
    for block, pats in d.patterns.items():
        out: list[VerbPattern] = []
        for p in pats:
            vp, why = _convert(p, d)
            if vp is None:
                d.skipped[why or "?"] = d.skipped.get(why or "?", 0) + 1
                continue
            out.append(vp)
        converted[block] = out
    by_lemma: dict[str, dict[str, object]] = {}

    def add(key: str, v: PetrarchVerb, base: bool, forced: bool = False) -> None:
        entry = by_lemma.setdefault(key, {"default": None, "base": False, "pats": []})
        pats: list[VerbPattern] = entry["pats"]  # type: ignore[assignment]
        pre, post = v.words[: v.head], v.words[v.head + 1 :]
        for vp in converted.get(v.block, []):
            vp = _with_form(vp, pre, post)
            if vp not in pats:
                pats.append(vp)
        if v.code is None:
            return
        if pre or post:
            vp = _with_form(VerbPattern(code=v.code), pre, post)
            if vp not in pats:
                pats.append(vp)
        elif forced or entry["default"] is None or (base and not entry["base"]):
            entry["default"] = v.code
            entry["base"] = base

    for v in d.verbs:
        lemmas = [lemmatize(v.verb, "VERB")] + [lemmatize(f, "VERB") for f in v.forms]
        base = lemmas[0] == v.verb  # the block is headed by the lemma itself
        for lemma in dict.fromkeys(lemmas):
            add(lemma, v, base)
    by_form: set[str] = set()
    for v in d.verbs:
        # A block headed by an inflected form ("MET", "LEFT") is also keyed by that form,
        # so that a coder looking up the word as written before its lemma finds it; every
        # block of that form counts (the file has two "SHOT" blocks).
        if lemmatize(v.verb, "VERB") != v.verb and (v.verb not in by_lemma or v.verb in by_form):
            by_form.add(v.verb)
            add(v.verb, v, True, forced=v.code is not None)
    verbs: dict[str, tuple[VerbPattern, ...]] = {}
    for lemma, entry in by_lemma.items():
        alts = sorted(entry["pats"], key=lambda vp: -vp.specificity)  # type: ignore[arg-type]
        if entry["default"] is not None:
            alts.append(VerbPattern(code=str(entry["default"])))
        if alts:
            verbs[lemma] = tuple(alts)
    return Patterns(verbs=verbs, nouns={}, domains={})


def expand_paired(source: str, target: str, code: str) -> list[tuple[str, str, str]]:
    """A coded triple as PETRARCH reports it: ``A:B`` gives source→target A and
    target→source B; a null code (``---``) gives nothing."""
    if ":" in code:
        a, b = code.split(":", 1)
        out = []
        if a and a != NULL_CODE:
            out.append((source, target, a))
        if b and b != NULL_CODE:
            out.append((target, source, b))
        return out
    return [] if code == NULL_CODE else [(source, target, code)]
