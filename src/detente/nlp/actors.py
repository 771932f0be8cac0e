"""Actor mentions and their resolution to CAMEO-style codes.

Two steps, as in PETRARCH's actor coding (Schrodt 2014) but over a dependency parse:

1. ``detente_actors`` (a spaCy component) marks *mentions*: country names, short and old
   names, demonyms, capitals and metonyms, IGOs, combining forms ("Indo-", "Pak-"), role
   words that carry a sector ("foreign minister" → GOV) and named officials from the
   PETRARCH/Phoenix dictionaries. It sets ``doc._.mentions``.
2. :class:`ActorResolver` turns the head of a noun phrase into actors, using the phrase's
   modifiers ("Pakistani Prime Minister Nawaz Sharif" → PAKGOV), ``of``-phrases ("Chief of
   Army Staff of Pakistan" → PAKMIL), appositions, coordination ("Presidents of Pakistan and
   Russia" → two actors), group references ("both countries" → the dyad in focus) and
   pronouns ("he" → the last person named). Officials are resolved at the event's date.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from detente.codebook.discourse import discourse_facts
from detente.model import Actor
from detente.nlp.collective import (
    COLLECTIVE_HEADS,
    domestic_sector,
    home_possessor,
    it_antecedent,
    local_legislators,
    named_institution,
    people_of_country,
    plural_antecedent,
    proper_legislature,
    story_country,
)
from detente.nlp.mentions import (  # noqa: F401  (re-exported: the public names of mentions)
    COUNTRY_KINDS,
    ActorComponent,
    Mention,
    find_mentions,
    mention_at,
    mentions_in,
)
from detente.nlp.people import lookup_person
from detente.nlp.phrases import (
    actor_at,
    countries_in,
    end_char,
    has_pronoun_possessor,
    is_individual,
    is_subject,
    misparsed_conjuncts,
    name_span,
    noun_conjuncts,
    phrase_text,
    phrase_tokens,
    sector_of,
)

# --------------------------------------------------------------------------- resolution

#: State organs that take the discourse's country only when definite ("the government").
DEFINITE_SECTORS = frozenset({"GOV", "MIL", "LEG", "SPY"})
#: "the country", "the nation": the country the text is about.
_HOME_NOUNS = {"country", "nation"}
#: Plural state nouns that, even bare, mean the state of the place the story is about.
_LOCAL_STATE_NOUNS = frozenset({"authority", "official"})

#: Sectors whose role words take the discourse's country when the phrase names none: the
#: people and institutions inside a country (not its government, army or diplomats).
DISCOURSE_SECTORS = frozenset(
    {"COP", "JUD", "REB", "OPP", "CVL", "EDU", "BUS", "MED", "REL", "LAB", "AGR", "HLH", "CRM",
     "REF", "UAF", "HRI"}
)  # fmt: skip

_GROUP_NOUNS = {
    "country",
    "nation",
    "side",
    "state",
    "government",
    "party",
    "neighbour",
    "neighbor",
    "power",  # "the two powers" (nact)
}
_GROUP_DETS = {"both", "two"}
_PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "hers"}
_PLURAL_PRONOUNS = {"they", "them", "their"}
#: Heads that count or gather people: the phrase's actor is in its "of" complement.
_QUANTITY_HEADS = frozenset(
    {"thousand", "hundred", "dozen", "score", "million", "ten", "tens", "group", "crowd",
     "band", "gang", "number", "handful", "some", "many", "most", "several", "majority"}
)  # fmt: skip
_RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}
#: Generational suffixes after a surname.
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


@dataclass
class ActorResolver:
    """Resolves noun phrases of one document to actors, keeping discourse state.

    ``focus`` counts the countries named so far, for "both countries"; ``last_person`` is
    the last resolved individual, for "he" and "his counterpart"; ``people`` remembers
    every official resolved in this document by surname.
    """

    people_index: object | None = None  # detente.petrarch.actors.ActorIndex, if loaded
    focus: Counter[str] = field(default_factory=Counter)
    last_person: Actor | None = None
    people: dict[str, str] = field(default_factory=dict)
    reference_date: str | None = None  # for officials when an act has no date (story date)
    last_group: list[Actor] | None = None  # the last plural subject, for "they"
    #: The distinct countries named by the sentence being coded and by the one before it.
    sentence_countries: tuple[str, ...] = ()
    previous_countries: tuple[str, ...] = ()
    sentences: int = 0  # sentences observed so far
    last_pair: tuple[str, str] | None = None  # the parties of the last reciprocal act
    last_pair_sentence: int = 0
    title_pair: tuple[str, str] | None = None  # the two countries the title names
    domestic: bool = False  # --domestic: roles without a country take the story's

    # -- discourse bookkeeping ------------------------------------------------
    def observe_sentence(self, sent: Span) -> None:
        """Count the countries a sentence names (called before its events are coded)."""
        if self.sentences == 0:
            from detente.nlp.focus import title_pair  # focus reads this resolver's state

            self.title_pair = title_pair(sent.doc)
        named: dict[str, None] = {}
        for m in mentions_in(sent):
            if m.is_country and m.code:
                self.focus[m.code] += 1
                named[m.code] = None
        self.previous_countries, self.sentence_countries = self.sentence_countries, tuple(named)
        self.sentences += 1
        # "Minister Joseph Kamau said the army would withdraw. He blamed ...": "he" is the
        # person the sentence before was about, even when that sentence coded no event.
        # Only "he" learns from this look-up: the names it met are resolved again at the
        # date of their own acts (an official's office depends on when he acted).
        known = dict(self.people)
        for tok in sent.root.children:
            if tok.dep_ in {"nsubj", "nsubjpass"} and tok.pos_ == "PROPN":
                self._resolve_head(tok, self.reference_date)
        self.people = known
        self._learn_apposed_names(sent)

    def _learn_apposed_names(self, sent: Span) -> None:
        """ "Niger's foreign minister, Alaudin Nashir, ... Nashir arrived in Chad": a name set
        beside a role the text resolves (nmob branch) is that official later in the text."""
        for tok in sent:
            if tok.pos_ != "NOUN" or tok.dep_ not in {"nsubj", "nsubjpass", "dobj", "pobj"}:
                continue
            names = [c for c in tok.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"]
            if not names:
                continue
            known = dict(self.people)
            found = self._resolve_head(tok, self.reference_date)
            self.people = known
            if len(found) == 1 and len(found[0].code) > 3 and not found[0].code.startswith("IGO"):
                for name in names:
                    self.people.setdefault(name.lower_, found[0].code)

    def discourse_country(self) -> str | None:
        """The country a role word without one belongs to, from the discourse, as PETRARCH
        does: the only country its sentence names, else the only one the sentence before
        names, else the only country the document has named. Never a guess between two."""
        for named in (self.sentence_countries, self.previous_countries, tuple(self.focus)):
            if len(named) == 1:
                return named[0]
            if named:
                return None
        return None

    def _story_country(self, tok: Token) -> str | None:
        """Under --domestic, the country the whole story is about (nact)."""
        return story_country(tok.doc) if self.domestic else None

    def note_reciprocal(self, a: Actor, b: Actor) -> None:
        """Remember the two parties of a reciprocal act ("X met Y") for "the two leaders"."""
        if a.country != b.country:
            self.last_pair = (a.country, b.country)
            self.last_pair_sentence = self.sentences

    def _recent_pair(self) -> bool:
        """Was a reciprocal act coded in this sentence or one of the two before it?"""
        return self.last_pair is not None and self.sentences - self.last_pair_sentence <= 2

    def dyad_in_focus(self) -> list[str]:
        """The two countries the discourse is about: the title's, else the most-named ones
        so far."""
        if self.title_pair is not None:
            return list(self.title_pair)
        return [c for c, _ in self.focus.most_common(2)]

    # -- resolution -----------------------------------------------------------
    def resolve(self, tok: Token, date: str | None = None) -> list[Actor]:
        """Actors named by the noun phrase headed by ``tok`` (coordination expanded)."""
        date = date or self.reference_date
        if tok.lemma_.lower() in _QUANTITY_HEADS:
            # "Thousands of students", "a group of activists": the people counted act.
            counted = [
                p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                for p in c.children if p.dep_ == "pobj"
            ]  # fmt: skip
            if counted:
                return self.resolve(counted[0], date)
        shared = self._roles_across_countries(tok, date)
        if shared:
            return shared
        out: list[Actor] = []
        for head in [*misparsed_conjuncts(tok), tok, *noun_conjuncts(tok)]:
            found = self._resolve_head(head, date)
            if not found and out and head.i != tok.i:
                # "the Russian Duma delegation and Foreign Minister": the demonym of the first
                # conjunct covers the next one when that one names only a role.
                sector = sector_of(phrase_tokens(head), mention_at(head))
                if sector:
                    found = [
                        Actor(out[0].country + sector, head.text, head.idx, head.idx + len(head))
                    ]
            for actor in found:
                if actor.code not in {a.code for a in out}:
                    out.append(actor)
        if (
            len({a.country for a in out}) >= 2
            and is_subject(tok)
            and tok.lower_ not in _PLURAL_PRONOUNS
        ):
            self.last_group = out
        return out

    def _roles_across_countries(self, tok: Token, date: str | None) -> list[Actor]:
        """ "Lawmakers (and officials) in Fornost and Gondor": every role of every country
        listed after "in"/"from", also when the parser coordinated the last country with
        the role nouns instead of with the first country."""
        heads = [tok, *noun_conjuncts(tok)]
        roles = [h for h in heads if (m := mention_at(h)) is not None and m.kind == "agent"]
        origin = [
            p
            for r in roles
            for c in r.children
            if c.dep_ == "prep" and c.lower_ in {"in", "from"}
            for p in c.children
            if p.dep_ == "pobj"
        ]
        if not roles or not origin:
            return []
        last = max(p.i for p in origin)
        bare = [
            h
            for h in heads
            if h.i > last
            and (m := mention_at(h)) is not None
            and m.is_country
            and m.code
            and not any(c.dep_ not in {"cc", "punct", "det"} for c in h.children)
        ]
        if not bare and len(roles) < 2:
            return []
        countries: list[str] = []
        for p in origin:
            for t in [p, *noun_conjuncts(p)]:
                m = mention_at(t)
                if m is not None and m.is_country and m.code and m.code not in countries:
                    countries.append(m.code)
        for h in bare:
            code = mention_at(h).code  # type: ignore[union-attr]
            if code not in countries:
                countries.append(code)
        sectors = [sector_of(phrase_tokens(r), mention_at(r)) or "" for r in roles]
        doc = tok.doc
        start = min(t.i for t in tok.subtree)
        end = tok.right_edge.i + 1
        return [
            Actor(c + sec, doc[start:end].text, doc[start].idx, end_char(doc, end))
            for c in countries
            for sec in dict.fromkeys(sectors)
        ]

    def _resolve_head(self, tok: Token, date: str | None) -> list[Actor]:
        doc = tok.doc
        low = tok.lower_
        if tok.pos_ == "PRON" or tok.tag_ in {"PRP", "PRP$"}:
            if low in _RELATIVE_PRONOUNS and tok.head.dep_ == "relcl" and tok.head.head.i != tok.i:
                # "Erdogan, who had accused the army": the phrase the clause describes.
                antecedent = tok.head.head
                # Not the object of a verb's preposition: there the parser often hangs the
                # clause on the wrong noun ("a woman linked to Al-Qaeda who shot at ...").
                verb_adjunct = antecedent.dep_ == "pobj" and antecedent.head.head.pos_ in {
                    "VERB",
                    "AUX",
                }
                if antecedent.pos_ in {"NOUN", "PROPN"} and not verb_adjunct:
                    return self._resolve_head(antecedent, date)
                return []
            return self._pronoun(tok, low, date)
        institution = named_institution(tok, self.people_index, date)
        if institution is not None:  # "the Royal Navy" (nact)
            return [actor_at(doc, institution[1], institution[2], institution[0])]
        m = mention_at(tok)
        phrase = phrase_tokens(tok)
        sector = sector_of(phrase, m)
        if m is not None and m.kind == "place":
            # A city or a province locates an actor ("police in Lagos") but is none itself.
            return []
        if m is not None and (m.is_country or m.is_organisation) and m.code:
            if self.domestic and people_of_country(tok, m):
                # "Zimbabweans protested": the country's people, not its state (nact); the
                # gold guide's bare code for "Americans" stays for interstate coding.
                return [actor_at(doc, m.start, m.end, m.code + "CVL")]
            if m.kind == "demonym" and tok.pos_ == "ADJ":
                return []  # "Russian" alone is a modifier, not an actor
            if m.is_organisation:
                return [actor_at(doc, m.start, m.end, m.code)]
            # "Bree Prime Minister Romendacil" read with Bree as head: the role still counts.
            role = m.sector or sector_of([t for t in phrase if t.i < m.start or t.i >= m.end], None)
            return [actor_at(doc, m.start, m.end, m.code + (role or ""))]
        # A group reference: "both countries", "the two sides", "presidents of both countries".
        group = self._group(tok, phrase)
        if group is not None:
            return [
                Actor(c + (sector or ""), phrase_text(doc, tok), tok.idx, tok.idx + len(tok))
                for c in group
            ]
        countries = countries_in(phrase, exclude=tok)
        # "military exercises" is not a military actor: only role nouns and names take a
        # sector from their modifiers.
        if (
            (m is None or m.kind != "agent")
            and tok.pos_ != "PROPN"
            and tok.lemma_.lower() not in _GROUP_NOUNS | COLLECTIVE_HEADS
        ):
            sector = None
        person = self._person(tok, date, phrase)
        if person is not None:
            p_code, p_span = person
            if countries and countries[0].code and not p_code.startswith(countries[0].code):
                # The text's own "Pakistani", "of Russia" beats a dictionary guess.
                p_code = countries[0].code + (sector or p_code[3:6])
            actor = Actor(
                p_code, phrase_text(doc, *p_span), doc[p_span[0]].idx, end_char(doc, p_span[1])
            )
            if is_subject(tok):
                self.last_person = actor
            return [actor]
        if not countries and not sector and tok.lemma_.lower() in {"country", "nation"}:
            # "Palau's president said his country would ..." (ncoop): the possessor's country.
            owner = self._possessor_country(tok, date)
            if owner and not owner.startswith("IGO"):
                return [
                    Actor(
                        owner, phrase_text(doc, tok), doc[phrase[0].i].idx, end_char(doc, tok.i + 1)
                    )
                ]
        if not countries and sector:
            owner = self._possessor_country(tok, date)
            if owner:
                if tok.lemma_.lower() == "counterpart":
                    # "his counterpart": the same office on the other side of the dyad.
                    others = [c for c in self.dyad_in_focus() if c != owner]
                    if not others:
                        return []
                    owner = others[0]
                actor = Actor(
                    owner + sector,
                    phrase_text(doc, tok),
                    doc[phrase[0].i].idx,
                    end_char(doc, tok.i + 1),
                )
                if is_individual(tok) and is_subject(tok):
                    self.last_person = actor
                return [actor]
        if not countries and not has_pronoun_possessor(tok):
            home = self._home(tok, m, sector)
            if home is not None:
                return [
                    Actor(
                        home, phrase_text(doc, tok), doc[phrase[0].i].idx, end_char(doc, tok.i + 1)
                    )
                ]
        out = []
        start = min([phrase[0].i, *(c.start for c in countries)])
        end = max([phrase[-1].i + 1, *(c.end for c in countries)])
        for country in countries:
            if country.is_organisation:
                code = country.code or ""
                if sector == "MIL" and code.startswith("IGO") and len(code) == 6:
                    # "UN peacekeepers", "AU troops": the organisation's forces (IGOUNOMIL).
                    code += "MIL"
            else:
                code = (country.code or "") + (sector or country.sector or "")
            out.append(
                Actor(code, phrase_text(doc, start, end), doc[start].idx, end_char(doc, end))
            )
        if len(out) == 1 and sector and is_individual(tok) and is_subject(tok):
            self.last_person = out[0]
        return out

    def _home(self, tok: Token, m: Mention | None, sector: str | None) -> str | None:
        """The code of a phrase that names no country, from the discourse's country:
        "police fired tear gas at protesters" (the police and protesters of the country the
        text is about), "the government", "the country". State organs need "the" ("the
        government", "the army"): a bare "troops" or "a minister" is too often another
        country's in interstate news."""
        if self.domestic and (own := domestic_sector(tok, m, sector)):
            home = self.discourse_country() or self._story_country(tok)
            return home + own if home else None  # "a former general", "Senate Democrats"
        definite = any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
        # "Congress passed", "the country's government" (nact)
        definite = definite or proper_legislature(tok, m, sector) or home_possessor(tok)
        if m is None:
            if definite and tok.tag_ == "NN" and tok.lemma_.lower() in _HOME_NOUNS:
                home = self.discourse_country()
                return home
            return None
        if m.kind != "agent" or not sector:
            return None
        # "Authorities arrested two journalists in Lima": news says "authorities" (bare,
        # plural) only for the state where the act happens, never for a foreign one.
        local = tok.tag_ == "NNS" and tok.lemma_.lower() in _LOCAL_STATE_NOUNS
        local = local or local_legislators(tok, sector)
        if sector not in DISCOURSE_SECTORS and not (
            (definite or local) and sector in DEFINITE_SECTORS
        ):
            return None
        home = self.discourse_country() or self._story_country(tok)
        return home + sector if home else None

    def _possessor_country(self, tok: Token, date: str | None) -> str | None:
        """The country of "his"/"its"/"their" in "his special envoy": the clause subject when
        it is another phrase of this sentence, else the last person named."""
        poss = [
            c
            for c in tok.children
            if c.dep_ == "poss" and c.lower_ in {"his", "her", "its", "their", "our"}
        ]
        if not poss:
            return None
        t = tok
        while t.head.i != t.i and t.pos_ not in {"VERB", "AUX"}:
            t = t.head
        for _ in range(3):
            for c in t.children:
                if (
                    c.dep_ in {"nsubj", "nsubjpass"}
                    and c.i != tok.i
                    and tok.i not in {x.i for x in c.subtree}
                ):
                    found = self._resolve_head(c, date)
                    if found:
                        return found[0].country
            if t.dep_ != "ccomp" or t.head.i == t.i:
                break
            # "Venezuela said its soldiers attacked ...": the possessive in the subject of a
            # reported clause is the reporter's.
            t = t.head
        if poss[0].lower_ in {"their", "our"}:
            return None
        return self.last_person.country if self.last_person is not None else None

    def _pronoun(self, tok: Token, low: str, date: str | None = None) -> list[Actor]:
        if low == "it":
            return it_antecedent(tok, self, date)
        if low in _PERSON_PRONOUNS and self.last_person is not None:
            return [self.last_person]
        if low in _PLURAL_PRONOUNS:
            group = plural_antecedent(tok, self, date)
            if group:
                return group
            if self.last_group:
                # "The foreign ministers of A, B and C met. They discussed ...": the last
                # plural subject, before the dyad the whole text is about.
                return [
                    Actor(a.code, tok.text, tok.idx, tok.idx + len(tok)) for a in self.last_group
                ]
            return [Actor(c, tok.text, tok.idx, tok.idx + len(tok)) for c in self.dyad_in_focus()]
        return []

    def _group(self, tok: Token, phrase: list[Token]) -> list[str] | None:
        """The dyad in focus when the phrase is "both countries" or "X of both countries";
        the two states of a shared name in the plural ("the two Koreas", "both Koreas")."""
        divided = discourse_facts().divided_names.get(tok.lower_)
        if divided and any(c.lower_ in _GROUP_DETS | {"the"} for c in tok.children):
            return list(divided)
        for t in [tok, *(p for p in tok.subtree if p.dep_ == "pobj" and p.head.lower_ == "of")]:
            # "both countries", "the two sides", and roles: "the two leaders", "both ministers".
            groupish = t.lemma_.lower() in _GROUP_NOUNS or (
                t.i == tok.i and mention_at(t) is not None and mention_at(t).kind == "agent"
            )
            if any(c.dep_ == "conj" for c in t.children) or (
                t.i == tok.i and countries_in(phrase, exclude=tok)
            ):
                continue  # "both Syrian forces and rebels": "both" coordinates, names no group
            if groupish and any(c.lower_ in _GROUP_DETS for c in t.children):
                if t.lemma_.lower() not in _GROUP_NOUNS and self._recent_pair():
                    # "They met in Arusha. The two leaders signed ...": the people who just met,
                    # whichever countries the text is mostly about.
                    return list(self.last_pair)
                dyad = self.dyad_in_focus()
                return dyad if len(dyad) == 2 else None
        from detente.nlp.focus import definite_pair_group  # focus reads the resolver's state
        from detente.nlp.shared_names import divided_half  # "the North", "the South"

        return definite_pair_group(tok, self) or divided_half(tok, self)

    def _person(
        self, tok: Token, date: str | None, phrase: list[Token]
    ) -> tuple[str, tuple[int, int]] | None:
        """A named official: from the dictionary at ``date``, or remembered from this text."""
        name = name_span(tok)
        if name is None:
            return None
        start, end = name
        doc = tok.doc
        words = [t.lower_ for t in doc[start:end]]
        # "Andre Birotte Jr." is "Birotte" later in the text (nact).
        surname = next((w for w in reversed(words) if w.strip(".") not in _SUFFIXES), words[-1])
        # Titles written before the name ("President Musharraf") are part of dictionary names.
        left = start
        while (
            left > 0
            and doc[left - 1].dep_ == "compound"
            and doc[left - 1].head.i in range(start, end)
        ):
            left -= 1
        if surname in self.people and sector_of(phrase, None) is None:
            # "President William Ruto … Ruto said": the title this text gave him beats the
            # dictionary's office of another time (KENGOVEDU, a former minister of education).
            return self.people[surname], name
        if self.people_index is not None:
            code = lookup_person(self.people_index, [t.lower_ for t in doc[left:end]], words, date)
            if code:
                sector = sector_of(phrase, None)
                if sector and code[3:] != sector and not code.startswith("IGO"):
                    # The text's title at the time of the act beats the dictionary's sector,
                    # and its secondary ones: "President William Ruto" is KENGOV, not the
                    # KENGOVEDU of his years as a minister of education.
                    code = code[:3] + sector
                self.people[surname] = code
                return code, name
        if surname in self.people:
            return self.people[surname], name
        countries = countries_in(phrase, exclude=tok)
        sector = sector_of(phrase, None)
        if len(countries) == 1 and countries[0].code and countries[0].is_country and sector:
            code = countries[0].code + sector
            self.people[surname] = code
            return code, name
        if not countries and sector:
            # "Prime Minister Adebayo Okonkwo" in a story about one country: news names the
            # country once and then gives people only their titles; the title is held in it.
            home = self.discourse_country() or self._story_country(tok)
            if home:
                code = home + sector
                self.people[surname] = code
                return code, name
        return None


# --------------------------------------------------------------------------- helpers
