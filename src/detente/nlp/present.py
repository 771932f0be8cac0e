"""Present-tense verbs that the tagger read as plural nouns.

In chronologies, timelines and headlines the historical present is common ("Oct. 3 -- Japan
protests to China", "1998: Eritrea invades ..."), and a statistical tagger trained on past-
tense news often reads the ``-s`` form as a plural noun even when its parse gives that
"noun" a subject. A plural noun with a subject of its own before it is a verb: detente
re-tags it (VBZ, VERB) before coding, so the act is found and dated like any other.
"""

from __future__ import annotations

from spacy.tokens import Doc

_SUBJECTS = {"nsubj", "nsubjpass"}


def retag_present_verbs(doc: Doc) -> int:
    """Re-tag plural nouns that govern a preceding subject as present-tense verbs; returns
    how many were changed. The noun's lemma ("protest") is the verb's base form."""
    changed = 0
    for tok in doc:
        if tok.tag_ != "NNS" or tok.dep_ not in {"ROOT", "conj", "ccomp"}:
            continue
        if not tok.lower_.endswith("s"):
            continue
        if any(c.dep_ in _SUBJECTS and c.i < tok.i for c in tok.children):
            tok.tag_ = "VBZ"
            tok.pos_ = "VERB"
            changed += 1
    return changed
