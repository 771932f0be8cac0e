"""Lexicons and regular-expression building blocks for :mod:`detente.nlp.timex`.

Kept apart from the tagger so that the vocabulary of English time expressions (month
names, number words, units) can be read and extended without reading the resolution
logic. Every pattern here is written for detente; none is taken from another tagger.
"""

from __future__ import annotations

import re

MONTHS: dict[str, int] = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}

WEEKDAYS: dict[str, int] = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}

SEASONS: dict[str, str] = {
    "spring": "SP",
    "summer": "SU",
    "autumn": "FA",
    "fall": "FA",
    "winter": "WI",
}

PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "nights": "NI",
    "night-time": "NI",
    "midday": "MI",
}

NUMBER_WORDS: dict[str, float] = {
    "zero": 0,
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "a hundred": 100,
    "one hundred": 100,
    "a dozen": 12,
    "dozen": 12,
    "a couple of": 2,
    "couple of": 2,
    "half a": 0.5,
    "a half": 0.5,
}
#: Quantities that say "some number of": the TIMEX3 value gets an X.
VAGUE_NUMBERS = (
    "a few",
    "few",
    "several",
    "many",
    "some",
    "a number of",
    "dozens of",
    "hundreds of",
)

ORDINALS: dict[str, int] = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "twenty-first": 21,
    "final": 4,  # "the final quarter"
    "last": 4,
}

#: TIMEX3 duration unit letters; times of day go after "T".
UNITS: dict[str, tuple[str, bool]] = {
    "second": ("S", True),
    "minute": ("M", True),
    "hour": ("H", True),
    "day": ("D", False),
    "night": ("D", False),
    "week": ("W", False),
    "weekend": ("WE", False),
    "fortnight": ("2W", False),
    "month": ("M", False),
    "quarter": ("Q", False),
    "year": ("Y", False),
    "decade": ("DE", False),
    "century": ("CE", False),
    "centuries": ("CE", False),
}


def alt(words: list[str] | tuple[str, ...] | set[str]) -> str:
    """A regex alternation of literal words, longest first so that the longest wins."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def cap_alt(words: list[str] | tuple[str, ...] | set[str]) -> str:
    """Alternation accepting Capitalised and UPPER-CASE forms (headings are often in caps)."""
    forms: set[str] = set()
    for w in words:
        forms.add(w.capitalize())
        forms.add(w.upper())
    return alt(forms)


_FULL_MONTHS = [m for m in MONTHS if len(m) > 4 or m in ("may", "june", "july")]
_ABBR_MONTHS = [m for m in MONTHS if m not in _FULL_MONTHS]

#: A month name: full ("September", "SEPTEMBER") or abbreviated with optional dot ("Sept.").
MONTH = rf"(?:{cap_alt(_FULL_MONTHS)}|(?:{cap_alt(_ABBR_MONTHS)})\.?)(?![a-z])"
#: Months that are also common English words and need date context to count.
AMBIGUOUS_MONTHS = {"may", "march", "mar", "jan", "dec", "sep", "aug"}
WEEKDAY = rf"(?:{cap_alt(list(WEEKDAYS))})"
DAY = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR4 = r"(?:1[0-9]{3}|20[0-9]{2})"
SEASON = rf"(?i:{alt(list(SEASONS))})"
PART = rf"(?i:{alt(list(PARTS_OF_DAY))})"

_NUMWORDS = [w for w in NUMBER_WORDS if " " not in w]
_UNIT_NUMS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
#: A cardinal quantity: digits, number words ("twenty-one"), or vague ("several").
NUM = (
    r"(?i:(?:\d+(?:\.\d+)?|"
    rf"(?:{alt(_TENS)})[- ](?:{alt(_UNIT_NUMS)})|"
    rf"{alt([w for w in NUMBER_WORDS if ' ' in w] + list(VAGUE_NUMBERS))}|"
    rf"{alt(_NUMWORDS)})(?:\s+and\s+a\s+half|\s+and\s+half)?)"
)
UNIT = r"(?i:second|minute|hour|day|night|week|weekend|fortnight|month|quarter|year|decade|centur(?:y|ies))"
#: Words that introduce a point in time and therefore make "May"/"March" dates.
DATE_PREP = r"(?i:in|on|of|since|until|till|by|from|to|during|through|throughout|before|after|between|and|or|early|late|mid|last|next|this|that|following|previous|end\s+of|beginning\s+of|start\s+of|middle\s+of)"

#: Nouns that make a preceding four-digit number a count, not a year ("1500 troops").
COUNT_NOUNS = re.compile(
    r"\s*(?:(?!(?:the|a|an|his|her|its|their|our|this|that|these|those|and|or|to|in|of|by|for|was|were|had|has)\b)[a-z]+\s+)?(?:men|soldiers|troops|people|persons|civilians|casualties|dead|killed|"
    r"prisoners|tanks|aircraft|planes|guns|ships|vessels|km|kilometres|kilometers|miles|metres|"
    r"meters|feet|ft|tons|tonnes|yards|horses|rifles|employees|jobs|workers|units|shares|points|"
    r"dollars|euros|pounds|rupees|cases|votes|seats|hours|rounds|members|strong)\b"
)

#: Past-tense cues: "was", "had", regular past forms and the irregular verbs of news.
#: Checked only when no future cue is found (so "expected", "planned" stay future).
PAST_CUE = re.compile(
    # A participle after "be"/"to" is a passive or an infinitive, not a past tense:
    # "is to be held", "are signed".
    r"(?<!\bbe\s)(?<!\bis\s)(?<!\bare\s)(?<!\bam\s)(?<!\bbeen\s)(?<!\bbeing\s)(?<!\bto\s)"
    r"\b(?:was|were|had|did|ago|\w{3,}ed|met|said|took|held|began|left|went|made|came|gave|"
    r"told|sent|fought|broke|struck|won|lost|shot|led|kept|brought|sought|rose|fell|flew|"
    r"threw|wrote|spoke|stood|ran|saw|became|found|chose|bought|sold|paid|spent|withdrew|"
    r"overthrew|drove|forbade|swore|froze|stole|tore|undertook|oversaw)\b",
    re.IGNORECASE,
)
#: Modality: "the sale should be completed in October", "may be signed on 12 September".
MODAL_CUE = re.compile(r"\b(?:may|might|should|could|must|can|would)\b", re.IGNORECASE)
#: A passive infinitive between the last verb and a date: "an event to be held on 12 October"
#: speaks of what is planned, whatever the tense of the verb before.
INFINITIVE_CUE = re.compile(r"\bto\s+be\s+[a-z]+", re.IGNORECASE)
FUTURE_CUE = re.compile(
    r"\b(?:will|shall|won't|won’t|'ll|going\s+to|plans?\s+to|planned|plans|scheduled|expected|expects|"
    r"is\s+to|are\s+to|set\s+to|due|upcoming|next|would|until|till)\b",
    re.IGNORECASE,
)
