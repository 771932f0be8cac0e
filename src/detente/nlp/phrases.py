"""Phrases: the words around an actor mention that decide what it names.

Conjuncts the parser missed, a mention's whole phrase, the sector its role words give, the
countries named inside it, a person's name span; used by :class:`detente.nlp.actors.ActorResolver`.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from detente.model import Actor
from detente.nlp.mentions import Mention, mention_at

_MODIFIER_DEPS = {"compound", "amod", "poss", "nmod", "npadvmod", "nummod"}


def misparsed_conjuncts(tok: Token) -> list[Token]:
    """Countries the parser hung on another country's name as modifiers.

    One country's name never modifies another's, so in "Fornost and the evil Gondor" read
    as a modifier "Fornost (and the evil)" of "Gondor", the modifier is a coordinated actor.
    Only when the modifier carries the coordination ("and", "or") itself.
    """
    m = mention_at(tok)
    if m is None or not m.is_country or not m.code:
        return []
    out: list[Token] = []
    listed = any(c.dep_ == "conj" for c in tok.children)
    for c in tok.children:
        if c.dep_ == "appos" and listed:
            # "Evil Mordor, the awful Fornost, and good Gondor": a country "in apposition"
            # to another inside a list is one more item of the list.
            mc = mention_at(c)
            if mc is not None and mc.is_country and mc.code and mc.code != m.code:
                out.append(c)
            continue
        if c.i >= m.start or c.dep_ not in {"nmod", "compound", "amod", "npadvmod"}:
            continue
        mc = mention_at(c)
        if (
            mc is not None
            and mc.is_country
            and mc.code
            and mc.code != m.code
            and any(x.dep_ == "cc" for x in c.subtree)
        ):
            out += [c, *(x for x in noun_conjuncts(c) if mention_at(x) is not None)]
    return out


def noun_conjuncts(tok: Token) -> list[Token]:
    if tok.pos_ in {"VERB", "AUX"}:
        return []
    return [c for c in tok.conjuncts if c.i > tok.i]


def phrase_tokens(tok: Token) -> list[Token]:
    """The head, its left modifiers, its "of"-phrases and appositions, in order."""
    out = {tok.i: tok}
    stack = [tok]
    # A role noun takes its country from "from"/"in" as well: "soldiers from Gondor",
    # "lawmakers in Fornost" are that country's soldiers and lawmakers; not when a
    # possessive already says whose they are ("recalled its ambassador from France").
    m = mention_at(tok)
    role = m is not None and m.kind == "agent" and not any(c.dep_ == "poss" for c in tok.children)
    origin = {"of", "from", "in"} if role else {"of"}
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.i in out:
                continue
            take = (
                (c.dep_ in _MODIFIER_DEPS and c.i < tok.i)
                or c.dep_ == "appos"
                or (
                    c.dep_ == "prep" and (c.lower_ == "of" or (t.i == tok.i and c.lower_ in origin))
                )
                or (c.dep_ == "pobj" and t.lower_ in origin and t.head.i == tok.i)
                or (c.dep_ == "pobj" and t.lower_ == "of")
                or (c.dep_ in _MODIFIER_DEPS and t.i != tok.i)
            )
            if take:
                out[c.i] = c
                stack.append(c)
    return [out[i] for i in sorted(out)]


#: Role nouns whose sector a more specific modifier overrides ("Duma delegation" → LEG).
_GENERIC_ROLES = {"delegation", "delegations", "team", "official", "officials", "representative",
                  "representatives", "mission", "side", "leader", "leaders", "head", "chief", "member", "members"}  # fmt: skip


def sector_of(phrase: list[Token], head_mention: Mention | None) -> str | None:
    """The sector of a phrase: the role noun nearest the head, unless that noun is generic
    ("delegation", "officials") and a modifier is specific ("parliamentary", "business")."""
    if head_mention is not None and head_mention.sector and head_mention.kind != "agent":
        return head_mention.sector
    seen: set[tuple[int, int]] = set()
    found: list[tuple[Mention, str]] = []
    for t in phrase:
        m = mention_at(t)
        if m is None or (m.start, m.end) in seen:
            continue
        seen.add((m.start, m.end))
        if m.kind == "agent" and m.sector:
            found.append((m, t.doc[m.start : m.end].text.lower()))
    if not found:
        return None
    head = head_mention if head_mention is not None and head_mention.kind == "agent" else None
    specific = [m for m, text in found if text.split()[-1] not in _GENERIC_ROLES]
    if head is not None:
        head_text = phrase[0].doc[head.start : head.end].text.lower()
        if head_text.split()[-1] in _GENERIC_ROLES and specific:
            return specific[-1].sector
        return head.sector
    return (specific or [m for m, _ in found])[-1].sector


def countries_in(phrase: list[Token], exclude: Token) -> list[Mention]:
    """The countries (or IGO) a phrase's modifiers name: possessive, demonym, of-phrase,
    apposition; coordinated modifiers give several ("Russian and Pakistani leaders")."""
    for t in phrase:
        if t.i == exclude.i:
            continue
        m = mention_at(t)
        if m is not None and m.code and (m.is_country or m.is_organisation):
            found = [m]
            doc = t.doc
            partners = list(t.conjuncts)
            # "Pak-Russia exercises", "Indo-US deal": both sides of a hyphenated pair.
            for j, mid in ((m.end + 1, m.end), (m.start - 2, m.start - 1)):
                if 0 <= j < len(doc) and 0 <= mid < len(doc) and doc[mid].text in {"-", "–"}:
                    partners.append(doc[j])
            for c in partners:
                mc = mention_at(c)
                if (
                    mc is not None
                    and mc.code
                    and mc.is_country
                    and mc.code not in {f.code for f in found}
                ):
                    found.append(mc)
            return found
    return []


def name_span(tok: Token) -> tuple[int, int] | None:
    """The person name ending at ``tok``: a PERSON entity, or a run of proper nouns that
    name no country, organisation or role (the small model often labels surnames ORG)."""
    doc = tok.doc
    if tok.ent_type_ == "PERSON":
        start = tok.i
        while start > 0 and doc[start - 1].ent_type_ == "PERSON" and doc[start].ent_iob_ != "B":
            start -= 1
        end = tok.i + 1
        while end < len(doc) and doc[end].ent_iob_ == "I" and doc[end].ent_type_ == "PERSON":
            end += 1
        return start, end
    if tok.pos_ == "PROPN" and mention_at(tok) is None and tok.ent_type_ in {"", "ORG", "PERSON"}:
        start = tok.i
        while (
            start > 0
            and doc[start - 1].pos_ == "PROPN"
            and doc[start - 1].dep_ == "compound"
            and mention_at(doc[start - 1]) is None
        ):
            start -= 1
        return start, tok.i + 1
    return None


def sector_of_phrase(tok: Token) -> str | None:
    """The sector a noun phrase's role words give ("Prime Minister Nehru" → GOV), if any."""
    return sector_of(phrase_tokens(tok), mention_at(tok))


def is_subject(tok: Token) -> bool:
    """Is the phrase the subject of its clause? Only subjects become antecedents of "he"."""
    t = tok
    while t.dep_ in {"compound", "appos", "conj", "amod", "nmod"} and t.head.i != t.i:
        t = t.head
    return t.dep_ in {"nsubj", "nsubjpass"} or (t.dep_ == "pobj" and t.head.dep_ == "agent")


def has_pronoun_possessor(tok: Token) -> bool:
    return any(c.dep_ == "poss" and c.tag_ in {"PRP$", "PRP"} for c in tok.children)


def is_individual(tok: Token) -> bool:
    return tok.tag_ in {"NN", "NNP"} and tok.ent_type_ not in {"ORG", "GPE", "NORP"}


def actor_at(doc: Doc, start: int, end: int, code: str) -> Actor:
    return Actor(code, doc[start:end].text, doc[start].idx, end_char(doc, end))


def phrase_text(doc: Doc, start: int | Token, end: int | None = None) -> str:
    if isinstance(start, Token):
        left = min(t.i for t in start.subtree)
        return doc[left : start.i + 1].text
    return doc[start:end].text


def end_char(doc: Doc, end_tok: int) -> int:
    last = doc[end_tok - 1]
    return last.idx + len(last)
