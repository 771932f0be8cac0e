"""Give each event its own date, as the text gives it.

GDELT, ICEWS and PETRARCH stamp every event with the publication date; detente takes, in
order (issue #4): the time expression that governs the event's own clause (found through the
dependency parse), else a dated expression of the same sentence that governs no other act,
else the narrative reference time inherited from earlier sentences, else — only for present-
or future-tense sentences about current affairs — the publication date.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Span, Token

from detente.model import Timex
from detente.nlp.sentences import doc_text, sentence_of

_DATE_TYPES = {"DATE", "TIME"}
_PRESENT_TAGS = {"VBZ", "VBP"}
_CLAUSE_BOUNDARIES = {"advcl", "relcl", "ccomp", "pcomp", "acl", "csubj"}


@dataclass(frozen=True, slots=True)
class EventDate:
    value: str | None
    text: str | None
    source: str | None  # "own", "inherited", "pubdate" or None


NO_DATE = EventDate(None, None, None)


def _dated(timexes: Sequence[Timex]) -> list[Timex]:
    return [t for t in timexes if t.type in _DATE_TYPES and t.value and t.value[:1].isdigit()]


def timex_heads(doc: Doc, sent: Span, timexes: Sequence[Timex]) -> list[tuple[Timex, Token]]:
    """The dated expressions of a sentence with the syntactic head of each."""
    out = []
    for tx in _dated(timexes):
        if tx.start < sent.start_char or tx.end > sent.end_char:
            continue
        span = doc.char_span(tx.start, tx.end, alignment_mode="expand")
        if span is not None and len(span):
            out.append((tx, span.root))
    return out


def governor(tok: Token, triggers: set[int]) -> Token:
    """The act a time expression modifies: climb from its head to the first trigger or verb."""
    t = tok
    while t.head.i != t.i:
        t = t.head
        if t.i in triggers or t.pos_ in {"VERB", "AUX"}:
            return t
    return t


def date_event(
    trigger: Token,
    sent: Span,
    heads: Sequence[tuple[Timex, Token]],
    triggers: set[int],
    timexes: Sequence[Timex],
    pubdate: str | None,
) -> EventDate:
    """The date of the act expressed by ``trigger`` (see module docstring)."""
    governed = {tx: governor(head, triggers) for tx, head in heads}
    # 1. A time expression attached to the trigger, or to a verb above it in the same
    #    clause complex ("In 1999, X visited Moscow and signed ...": the date covers both).
    t: Token | None = trigger
    seen = set()
    while t is not None and t.i not in seen:
        seen.add(t.i)
        own = [tx for tx, g in governed.items() if g.i == t.i]
        if not own and t.i == trigger.i:
            # "committed to a ceasefire on 3 May": the parser hangs the date on the object
            # noun; a date on the trigger's own object dates the trigger's act.
            own = [tx for tx, g in governed.items() if _object_of(g, t)]
        if own:
            return _event_date(_most_precise(own), timexes, "own")
        if t.head.i == t.i or t.dep_ in _CLAUSE_BOUNDARIES:
            # A subordinate clause keeps its own time: "restored ties on Thursday, a year
            # after Nairobi cut them" does not date the cutting to Thursday.
            break
        t = t.head
    # 1b. A state told "since" an act ("have been at war since Russia invaded the peninsula
    #     in February 2014") begins at that act's time.
    since = _since_clause(trigger)
    if since is not None:
        own = [tx for tx, g in governed.items() if g.i == since.i]
        if own:
            return _event_date(_most_precise(own), timexes, "own")
    # 2. A dated expression of the sentence that governs no other act.
    free = [tx for tx, g in governed.items() if g.i not in triggers and not _anterior(g)]
    if free:
        return _event_date(_most_precise(free), timexes, "own")
    # An undated time of its own ("during the Cold War", "in the post-war era", "in
    # recent years") leaves the act undated rather than inheriting the narrative's time.
    if _vague_time(trigger, sent, timexes):
        return NO_DATE
    # 3. The narrative reference time in force.
    ref = reference_time(timexes, sent.start_char)
    if ref is not None:
        when = _event_date(ref, timexes, "inherited")
        if when.value and len(when.value) > 4 and not _close_by(ref, sent):
            # A month or day carries over to the next sentence of the same paragraph; beyond
            # that only the year is safe ("In July 2004 X visited. ... Y showed interest").
            when = EventDate(when.value[:4], when.text, when.source)
        return when
    # 4. The publication date, only for acts told in the present or future tense.
    if pubdate and _present_tense(trigger):
        return EventDate(pubdate, None, "pubdate")
    return NO_DATE


def _since_clause(trigger: Token) -> Token | None:
    """The verb of a "since" clause on the trigger's own clause, if any."""
    t = trigger
    while t.dep_ not in _CLAUSE_BOUNDARIES and t.head.i != t.i:
        t = t.head
    for c in t.children:
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "since" for m in c.children):
            return c
    return None


def _object_of(noun: Token, verb: Token) -> bool:
    """``noun`` is the direct object of ``verb`` or the object of a preposition on it."""
    if noun.pos_ not in {"NOUN", "PROPN"} or verb.pos_ != "VERB":
        return False
    if noun.dep_ == "dobj" and noun.head.i == verb.i:
        return True
    return noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.i == verb.i


#: Single years standing for vague parts of a decade (GUIDE R7: "the best single year").
_DECADE_YEAR = {"START": "2", "MID": "5", "END": "7"}


def _event_date(tx: Timex, timexes: Sequence[Timex], source: str) -> EventDate:
    """An event date (ISO partial) from a time expression: a range gives its start
    ("from 1979 to 1989" → 1979), a decade its best single year ("the late 1990s" → 1997)."""
    start = _range_start(tx, timexes)
    if start is not None:
        tx = start
    value = tx.value or ""
    if len(value) == 3 and value.isdigit():
        value = value + _DECADE_YEAR.get(tx.mod or "", "5")
    if not (len(value) >= 4 and value[:4].isdigit()):
        return EventDate(None, tx.text, None)
    return EventDate(iso_partial(value), tx.text, source)


def iso_partial(value: str) -> str:
    """A TIMEX3 date value as the contract's ISO partial date: weeks become the month of
    their Thursday (ISO 8601), seasons, quarters and halves their year."""
    week = re.match(r"^(\d{4})-W(\d{2})", value)
    if week:
        thursday = date.fromisocalendar(int(week[1]), min(int(week[2]), 52), 4)
        return thursday.isoformat()[:7]
    full = re.match(r"^\d{4}(-\d{2}(-\d{2})?)?", value)
    return full[0] if full else value[:4]


def _range_start(tx: Timex, timexes: Sequence[Timex]) -> Timex | None:
    """The first end of a range whose second end is ``tx`` ("from 1979 to 1989")."""
    for other in timexes:
        if other.end_value == tx.value and other.end <= tx.start <= other.end + 12:
            return other
    return None


def _anterior(verb: Token) -> bool:
    """A clause in the past perfect ("India, which had tested a missile in 1998") tells of
    an earlier time: its date is not the date of the sentence's other acts."""
    return any(c.dep_ == "aux" and c.lower_ in {"had", "'d"} for c in verb.children)


def _close_by(ref: Timex, sent: Span) -> bool:
    """Is ``ref`` in this sentence or the one before it, within the same paragraph?"""
    doc = sent.doc
    if ref.start < paragraph_start(doc_text(doc), sent.start_char):
        return False
    prev_start = sentence_of(doc[sent.start - 1]).start_char if sent.start > 0 else 0
    return ref.start >= prev_start


#: Time words that qualify a title or a name, not the time of an act: "the former Soviet
#: republic signed ..." is not undated (TIMEX2 corpora such as WikiWars tag them PAST_REF).
_TITLE_TIMES = {"former", "formerly"}
_VAGUE_PERIODS = {"era", "period", "times", "days", "age", "epoch", "years", "decades"}


def _vague_time(trigger: Token, sent: Span, timexes: Sequence[Timex]) -> bool:
    """Does the sentence place its act in a period with no date ("the post-cold war era")?"""
    for tx in timexes:
        in_sentence = sent.start_char <= tx.start < sent.end_char
        if (
            in_sentence
            and tx.type == "DATE"
            and tx.value
            and not tx.value[:1].isdigit()
            and tx.text.lower() not in _TITLE_TIMES
        ):
            return True  # PAST_REF, PRESENT_REF: "recently", "in recent years"
    for tok in sent:
        if (
            tok.dep_ == "pobj"
            and tok.head.lower_ in {"in", "during", "throughout"}
            and tok.lemma_.lower() in _VAGUE_PERIODS
            and not any(c.like_num or c.ent_type_ == "DATE" for c in tok.subtree if c.i != tok.i)
        ):
            return True
    return False


def paragraph_start(text: str, offset: int) -> int:
    """Where the paragraph holding ``offset`` begins (a blank line separates paragraphs)."""
    i = text.rfind("\n\n", 0, offset)
    if i < 0:
        return 0
    while i + 1 < len(text) and text[i + 1] in " \t\r\n":
        i += 1
    return i + 1


def reference_time(timexes: Sequence[Timex], offset: int) -> Timex | None:
    """The narrative reference time in force at ``offset`` (headings included): the last
    dated expression with a year before it (see ``detente.nlp.timex.reference_time_at``)."""
    from detente.nlp.timex import reference_time_at

    return reference_time_at(list(timexes), offset)


def _most_precise(txs: Sequence[Timex]) -> Timex:
    return max(txs, key=lambda tx: (len(tx.value or ""), -tx.start))


def _present_tense(tok: Token) -> bool:
    if tok.tag_ in _PRESENT_TAGS:
        return True
    return any(c.dep_ in {"aux", "auxpass"} and c.tag_ in _PRESENT_TAGS for c in tok.children)


#: What joins the items of a list of dates: "in 1962, 1967 and 2020", "in May 2013, June 2017
#: and again in June 2020". "or" is left out: "in 1962 or 1963" is one act of uncertain date.
_LIST_GAP = re.compile(r"^\s*(?:,\s*(?:and\s+)?|and\s+)(?:again\s+)?(?:(?:in|on|during)\s+)?$")


def listed_dates(
    when: EventDate, sent: Span, timexes: Sequence[Timex], trigger: Token, triggers: set[int]
) -> list[EventDate]:
    """The other dates of a list that the act's own date belongs to ("clashed in 1962, 1967
    and 2020" → 1967, 2020): one act of one kind per listed date (GUIDE R3/R4). A range
    ("from 1932 to 1935", "between 1962 and 1967") and a period ("throughout 2005 and 2006")
    are one act, dated by their start."""
    if when.source != "own" or not when.text:
        return []
    dated = [
        t
        for t in _dated(timexes)
        if sent.start_char <= t.start and t.end <= sent.end_char and t.text
    ]
    dated.sort(key=lambda t: t.start)
    text = sent.doc.text
    # Chains of dates linked by list separators.
    chains: list[list[Timex]] = []
    for tx in dated:
        if chains and _LIST_GAP.match(text[chains[-1][-1].end : tx.start]):
            chains[-1].append(tx)
        else:
            chains.append([tx])
    for chain in chains:
        if len(chain) < 2 or not any(t.text == when.text for t in chain):
            continue
        span = sent.doc.char_span(chain[0].start, chain[0].end, alignment_mode="expand")
        g = governor(span.root, triggers) if span is not None and len(span) else None
        if g is None or g.i not in {trigger.i, trigger.head.i}:
            return []  # the list dates another act, or the sentence at large
        if any(t.end_value for t in chain) or text[: chain[0].start].rstrip().lower().endswith(
            ("between", "from", "throughout")
        ):
            return []  # a range or a period, not a list
        out = []
        for t in chain:
            if t.text == when.text:
                continue
            d = _event_date(t, timexes, "own")
            if d.value and d.value != when.value:
                out.append(d)
        return out
    return []


_NUMBER_WORDS = {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}
#: What opens the list of a counted act's instances: "four wars—the X War (1897), ...".
_INSTANCE_OPENERS = ("—", "–", ":")
_LIST_END = re.compile(r"—|;|,\s+(?:which|who|that|followed|leading|after)\b")


def instance_dates(noun: Token, sent: Span, timexes: Sequence[Timex]) -> list[EventDate]:
    """The dates of the instances a counted plural act lists after a dash or a colon ("three
    wars—one from 1932 to 1935, another from 1941 to 1944, and the last in 1995" → 1932,
    1941, 1995): one act per instance (GUIDE R3/R4); a range gives its
    start. Empty when the noun is not counted or fewer than two dates are listed."""
    if noun.tag_ != "NNS" or not any(
        c.dep_ == "nummod" and (c.lower_ in _NUMBER_WORDS or (c.like_num and c.text != "1"))
        for c in noun.children
    ):
        return []
    doc = sent.doc
    text = doc.text
    after = noun.idx + len(noun)
    window = text[after : min(sent.end_char, after + 80)]
    cut = min((i for i in (window.find(o) for o in _INSTANCE_OPENERS) if i >= 0), default=-1)
    if cut < 0:
        return []
    start = after + cut + 1
    # The list ends where the sentence turns to something else: another dash, a semicolon,
    # a relative clause ("..., which were followed by a period of calm in the 1930s").
    ends = [m.start() for m in _LIST_END.finditer(text, start, sent.end_char)]
    end = ends[0] if ends else sent.end_char
    listed = sorted(
        (t for t in _dated(timexes) if start <= t.start and t.end <= end), key=lambda t: t.start
    )
    range_ends = {(t.end_value, t.end) for t in listed if t.end_value}
    out: list[EventDate] = []
    for t in listed:
        if any(v == t.value and e <= t.start <= e + 12 for v, e in range_ends):
            continue  # the second end of "from 1932 to 1935"
        item = text[start : t.start].rsplit(",", 1)[-1]
        if re.search(r"\b(?:including|notably|especially)\b", item):
            continue  # "..., including the genocide (1913-1922)": part of an instance
        d = _event_date(t, timexes, "own")
        if d.value and d.value not in {o.value for o in out}:
            out.append(d)
    return out if len(out) >= 2 else []
