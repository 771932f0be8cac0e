"""The spaCy component ``detente_timex``: sets ``doc._.timexes`` from ``doc._.pubdate``.

Registered as a factory whose configuration names the users' temponym files, so that the
pipeline carries them to every document (and every worker process) without a global.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from detente.nlp.timex.tagger import tag

# The Doc extensions are registered once, here, when the component's module is imported.
for _name in ("pubdate", "timexes"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


class TimexTagger:
    """Tag each document's time expressions, anchored at its publication date."""

    def __init__(self, temponyms: tuple[str, ...] = ()) -> None:
        self.temponyms = temponyms

    def __call__(self, doc: Doc) -> Doc:
        doc._.timexes = tag(doc.text, doc._.pubdate, temponyms=self.temponyms)
        return doc


@Language.factory("detente_timex", default_config={"temponyms": []})
def make_timex_tagger(nlp: Language, name: str, temponyms: list[str]) -> Any:
    """``nlp.add_pipe("detente_timex", config={"temponyms": [path, ...]})``."""
    return TimexTagger(tuple(temponyms))
