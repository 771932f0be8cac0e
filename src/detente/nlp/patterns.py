"""Load the event patterns (``codebook/data/event_patterns.yaml``): data apart from code."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

import yaml

from detente.codebook._data import data_path


@dataclass(frozen=True, slots=True)
class WordSeq:
    """Words that must occur on one side of a verb, in order, counted outward from it.

    This is how PETRARCH/TABARI verb patterns are written: ``SAID * WAS LIE`` needs "was"
    then "lie" somewhere after the verb and "said" somewhere before it; words joined by
    ``_`` must be adjacent (``RECENTLY_*``: "recently" right before the verb). Each slot
    lists alternative phrases (a synset gives several: "did n't", "will not"); a phrase's
    words are adjacent. For the words *before* a verb, slots and phrases are stored
    reversed, nearest the verb first, so one matcher serves both sides.
    """

    slots: tuple[tuple[tuple[str, ...], ...], ...]
    #: ``tight[i]``: slot i must come right after slot i-1 (slot 0: right next to the verb).
    tight: tuple[bool, ...]
    #: Match written forms only (PETRARCH: ``RESOLUTION`` is not "resolutions"); otherwise
    #: a word also matches a token's lemma.
    forms_only: bool = True
    #: The first words of each slot's phrases: a quick test before the full search.
    firsts: tuple[frozenset[str], ...] = field(default=(), compare=False, repr=False)

    def __post_init__(self) -> None:
        if not self.firsts:
            firsts = tuple(frozenset(p[0] for p in slot if p) for slot in self.slots)
            object.__setattr__(self, "firsts", firsts)

    def __len__(self) -> int:
        return len(self.slots)

    def possible(self, present: set[str]) -> bool:
        """Can the slots match at all, given the words present (forms and lemmas)? A dict
        lookup per slot that spares the search for most patterns of a verb."""
        return all(not f.isdisjoint(present) for f in self.firsts)

    def matches(self, words: Sequence[tuple[str, str]]) -> bool:
        """Do the slots occur in ``words`` ((form, lemma) pairs, outward from the verb)?"""

        def at(phrase: tuple[str, ...], pos: int) -> bool:
            if pos + len(phrase) > len(words):
                return False
            return all(
                w == words[pos + k][0] or (not self.forms_only and w == words[pos + k][1])
                for k, w in enumerate(phrase)
            )

        def search(slot: int, pos: int) -> bool:
            if slot == len(self.slots):
                return True
            starts = [pos] if self.tight[slot] else range(pos, len(words))
            for start in starts:
                for phrase in self.slots[slot]:
                    if at(phrase, start) and search(slot + 1, start + len(phrase)):
                        return True
            return False

        return search(0, 0)


@dataclass(frozen=True, slots=True)
class VerbPattern:
    code: str
    objects: frozenset[str] | None = None
    preps: frozenset[str] | None = None
    reciprocal: bool = False
    domains: bool = False
    needs_actor_object: bool = False
    person_object: bool = False
    sector: str | None = None
    #: Words required before / after the verb within its clause (see :class:`WordSeq`).
    before: WordSeq | None = None
    after: WordSeq | None = None
    #: The roles are swapped: the subject is the target and the source is found among the
    #: complements ("X received money from Y", "X was freed from Y": Y acts on X).
    swap: bool = False
    #: Prepositions that introduce an argument (not a circumstance) of this pattern.
    arg_preps: frozenset[str] | None = None
    #: The subject must name two actors or more ("Gondor and Osgiliath renewed ties").
    needs_compound: bool = False
    #: The verb must be passive ("X was granted asylum in Y").
    passive_only: bool = False
    #: The verb must have a content clause after it in the future or a possibility mood
    #: ("warned they might resume attacks", "warned that it would retaliate").
    clause_modal: bool = False
    #: The verb must have a clause after it whose own subject is an actor ("Chile wants
    #: Peru to withdraw": an appeal to Peru; "Chile wants to join" is a wish).
    clause_actor: bool = False
    #: The verb needs a purpose clause headed by one of these verbs ("sent a team of
    #: experts to help with the relief").
    purposes: frozenset[str] | None = None

    @property
    def specificity(self) -> int:
        """How many conditions the pattern sets (word slots, a compound subject): more
        specific patterns are tried first."""
        return len(self.before or ()) + len(self.after or ()) + self.needs_compound


#: Prepositions that introduce the patient of a nominal act when its pattern names none.
DEFAULT_NOUN_TARGETS = ("to", "with", "for", "on", "against")


@dataclass(frozen=True, slots=True)
class NounPattern:
    code: str
    reciprocal: bool = False
    targets: tuple[str, ...] = ()
    modifiers: frozenset[str] | None = None
    objects: frozenset[str] | None = None
    sector: str | None = None
    role: bool = False
    plural_only: bool = False
    to_clause: bool = False
    #: The noun must be the object of one of these verbs ("lodged a protest" is an official
    #: complaint, "a protest outside the embassy" a demonstration).
    heads: frozenset[str] | None = None
    #: Refine the code by the words of the noun's phrase ("military aid" → 072).
    domains: bool = False
    #: Prepositions whose object is the agent ("the incursion of troops into X"); by
    #: default of/by/from, and "of" names the patient when it is among ``targets``.
    agents: tuple[str, ...] = ("of", "by", "from")
    #: Without named parties, the act is between the two countries the text is about
    #: ("a period of normalization began in 1999").
    context: bool = False
    #: Both parties always do the act ("Peru's war with Ecuador": each fights the other).
    mutual: bool = False
    #: The patient must be people ("the release of two Canadians", not "of data").
    persons: bool = False


@dataclass(frozen=True, slots=True)
class Patterns:
    verbs: dict[str, tuple[VerbPattern, ...]]
    nouns: dict[str, NounPattern]
    domains: dict[str, frozenset[str]]
    nominalizations: dict[str, str] = field(default_factory=dict)
    unilateral: frozenset[str] = frozenset()
    #: Every pattern of a noun, tried in order (``nouns`` holds the first of each).
    noun_alternatives: dict[str, tuple[NounPattern, ...]] = field(default_factory=dict)
    #: Words that make the act of their infinitive a commitment, not a deed ("agreed to
    #: reopen the border", "pledged to import"): CAMEO codes such acts as 03x.
    intent_heads: frozenset[str] = frozenset()
    #: Verbs by which an actor states a commitment in a future clause ("said it will help").
    intent_frames: frozenset[str] = frozenset()
    #: CAMEO code prefix of a deed → its "express intent to" code (longest prefix wins).
    intent_codes: dict[str, str] = field(default_factory=dict)

    def intent_code(self, code: str) -> str:
        """The 03x code of a promised act ("agreed to withdraw" → 0356); other codes as is."""
        for n in range(len(code), 1, -1):
            hit = self.intent_codes.get(code[:n])
            if hit is not None:
                return hit
        return code

    #: Verbs whose act is another when a crowd does it ("students protested": 141).
    crowd_acts: dict[str, str] = field(default_factory=dict)
    #: Acts whose PLOVER type is not their CAMEO code's ("sentenced": SANCTION).
    plover_acts: dict[str, str] = field(default_factory=dict)
    #: Acts that are law enforcement when authorities do them at home ("police raided": 170).
    authority_acts: dict[str, str] = field(default_factory=dict)
    #: CAMEO codes whose PLOVER type NGEC's codebook places elsewhere ("163": SANCTION).
    plover_codes: dict[str, str] = field(default_factory=dict)
    #: The sector of the unnamed agent of an act only it does ("was sentenced": JUD).
    implicit_agents: dict[str, str] = field(default_factory=dict)
    #: Codes an act takes when a non-state organisation does it ("the NGO withdrew": 166).
    organisation_acts: dict[str, str] = field(default_factory=dict)

    def noun_patterns(self, lemma: str) -> tuple[NounPattern, ...]:
        """The patterns of a noun, in the order they are tried."""
        alts = self.noun_alternatives.get(lemma)
        if alts:
            return alts
        first = self.nouns.get(lemma)
        return (first,) if first is not None else ()

    def act_lemma(self, lemma: str) -> str:
        """The verb a noun names ("invasion" → "invade"); a verb is its own act."""
        return self.nominalizations.get(lemma, lemma)


def _word(value: object) -> str:
    """A word of a YAML list: YAML 1.1 reads bare ``on``/``off``/``yes``/``no`` as booleans."""
    if value is True:
        return "on"
    if value is False:
        return "off"
    return str(value).lower()


def _words(value: object, named: dict[str, frozenset[str]]) -> frozenset[str] | None:
    if value is None:
        return None
    if isinstance(value, str):
        return named[value]  # a named list such as "weapons"
    return frozenset(_word(v) for v in value)  # type: ignore[union-attr]


def load_patterns(path: str | Path | None = None) -> Patterns:
    """Read a patterns file (the packaged one by default)."""
    if path is None:
        text = data_path("event_patterns.yaml").read_text(encoding="utf-8")
    else:
        text = Path(path).read_text(encoding="utf-8")
    raw = yaml.safe_load(text)
    named = {
        "weapons": frozenset(raw.get("weapons", [])),
        "agreements": frozenset(raw.get("agreements", [])),
    }
    domains = {k: frozenset(v) for k, v in raw.get("domains", {}).items()}
    verbs: dict[str, tuple[VerbPattern, ...]] = {}
    for lemma, alts in raw.get("verbs", {}).items():
        verbs[lemma] = tuple(
            VerbPattern(
                code=str(a["code"]),
                objects=_words(a.get("objects"), named),
                preps=_words(a.get("preps"), named),
                reciprocal=bool(a.get("reciprocal", False)),
                domains=bool(a.get("domains", False)),
                needs_actor_object=bool(a.get("needs_actor_object", False)),
                person_object=bool(a.get("person_object", False)),
                sector=a.get("sector"),
                needs_compound=bool(a.get("needs_compound", False)),
                swap=bool(a.get("swap", False)),
                arg_preps=_words(a.get("arg_preps"), named),
                passive_only=bool(a.get("passive", False)),
                clause_modal=bool(a.get("clause_modal", False)),
                clause_actor=bool(a.get("clause_actor", False)),
                purposes=_words(a.get("purposes"), named),
            )
            for a in alts
        )
    nouns: dict[str, NounPattern] = {}
    noun_alts: dict[str, tuple[NounPattern, ...]] = {}
    for lemma, entry in raw.get("nouns", {}).items():
        # One pattern, or a list of alternatives tried in order (as for verbs).
        alts = tuple(
            _noun_pattern(a, named) for a in (entry if isinstance(entry, list) else [entry])
        )
        nouns[lemma] = alts[0]
        if len(alts) > 1:
            noun_alts[lemma] = alts
    return Patterns(
        verbs,
        nouns,
        domains,
        {str(k): str(v) for k, v in (raw.get("nominalizations") or {}).items()},
        frozenset(raw.get("unilateral") or ()),
        noun_alts,
        intent_heads=frozenset(_word(w) for w in raw.get("intent_heads") or ()),
        intent_frames=frozenset(_word(w) for w in raw.get("intent_frames") or ()),
        intent_codes={str(k): str(v) for k, v in (raw.get("intent_codes") or {}).items()},
        crowd_acts={str(k): str(v) for k, v in (raw.get("crowd_acts") or {}).items()},
        plover_acts={str(k): str(v).upper() for k, v in (raw.get("plover_acts") or {}).items()},
        authority_acts={str(k): str(v) for k, v in (raw.get("authority_acts") or {}).items()},
        plover_codes={str(k): str(v).upper() for k, v in (raw.get("plover_codes") or {}).items()},
        implicit_agents={
            str(k): str(v).upper() for k, v in (raw.get("implicit_agents") or {}).items()
        },
        organisation_acts={str(k): str(v) for k, v in (raw.get("organisation_acts") or {}).items()},
    )


def _noun_pattern(a: dict, named: dict[str, frozenset[str]]) -> NounPattern:
    return NounPattern(
        code=str(a["code"]),
        reciprocal=bool(a.get("reciprocal", False)),
        targets=tuple(_word(t) for t in a.get("targets", DEFAULT_NOUN_TARGETS)),
        modifiers=_words(a.get("modifiers"), named),
        objects=_words(a.get("objects"), named),
        sector=a.get("sector"),
        role=bool(a.get("role", False)),
        plural_only=bool(a.get("plural_only", False)),
        to_clause=bool(a.get("to_clause", False)),
        heads=_words(a.get("heads"), named),
        domains=bool(a.get("domains", False)),
        agents=tuple(_word(t) for t in a.get("agents", ("of", "by", "from"))),
        context=bool(a.get("context", False)),
        mutual=bool(a.get("mutual", False)),
        persons=bool(a.get("persons", False)),
    )


#: The code of a pattern that codes nothing (PETRARCH's ``[---]``): where its words match it
#: shadows the verb's other patterns, and no event is made.
NULL_CODE = "---"


def with_verb_layer(
    own: Patterns,
    layer: dict[str, tuple[VerbPattern, ...]],
    *,
    conditioned_first: bool = False,
    fallback: bool = False,
    forms: dict[str, str] | None = None,
) -> Patterns:
    """``own`` with the verbs of ``layer`` (PETRARCH's vocabulary) beneath it: a lemma that
    ``own`` defines keeps its own alternatives; the layer fills in the lemmas it lacks.
    ``conditioned_first`` also tries the layer's word-conditioned patterns (not its bare
    defaults) before ``own``'s alternatives of the same lemma; ``fallback`` tries them
    after ``own``'s, when none of those applies (the layer's bare default never codes a
    lemma ``own`` defines: detente chose that verb's senses). ``forms`` maps the
    layer's inflected-form keys ("met") to their lemma: a form whose lemma ``own`` defines
    is left out, since the trigger finder looks a word up as written first."""
    forms = forms or {}
    verbs = {k: v for k, v in layer.items() if forms.get(k) not in own.verbs}
    for lemma, alts in own.verbs.items():
        mine = layer.get(lemma, ())
        first = tuple(vp for vp in mine if vp.specificity) if conditioned_first else ()
        rest = tuple(vp for vp in mine if vp.specificity and vp not in first) if fallback else ()
        verbs[lemma] = first + alts + rest
    return replace(own, verbs=verbs)


@cache
def default_patterns() -> Patterns:
    """detente's own patterns over PETRARCH's vetted CAMEO verb vocabulary."""
    # Imported here: the codebook's loader builds on this module's pattern types.
    from detente.petrarch.vocabulary import load_petrarch_verbs, petrarch_forms

    # Measured on the NGEC stories and the development texts: PETRARCH's word-conditioned
    # patterns tried *after* detente's own alternatives of a verb find acts detente's
    # entries do not cover ("called on X to halt", "withdrew troops from"); tried *before*
    # them they override detente's better-fitted entries (dev F1 0.286 -> 0.245).
    return with_verb_layer(
        load_patterns(), load_petrarch_verbs(), fallback=True, forms=petrarch_forms()
    )


def refine_by_domain(code: str, words: set[str], patterns: Patterns) -> str:
    """030 → 0311/0312, 023 → 0231/0232/0233, 033 → 0331/0332/0333, 060 → 061/062,
    070 → 071/072/073, 081 → 085 by the words of the object."""
    dom = patterns.domains
    military = bool(words & dom.get("military", frozenset()))
    economic = bool(words & dom.get("economic", frozenset()))
    humanitarian = bool(words & dom.get("humanitarian", frozenset()))
    if code == "030":
        return "0312" if military else "0311" if economic else code
    if code == "023":
        return "0232" if military else "0233" if humanitarian else "0231" if economic else code
    if code == "033":
        return "0332" if military else "0333" if humanitarian else "0331" if economic else code
    if code == "070":
        return "072" if military else "073" if humanitarian else "071" if economic else code
    if code == "081":
        # Easing a ban or restriction on trade eases an economic sanction (085), and one on
        # arms or military supplies eases an arms embargo (085 as well, CAMEO "ease economic
        # sanctions, boycott, or embargo"); other bans are administrative (081).
        return "085" if economic or military else code
    if code == "060":
        # "expanded military / trade cooperation" (ncoop): 062 / 061.
        return "062" if military else "061" if economic else code
    return code
