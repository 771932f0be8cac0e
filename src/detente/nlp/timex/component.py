"""The spaCy component ``detente_timex``: sets ``doc._.timexes`` from ``doc._.pubdate``."""

from __future__ import annotations

from typing import Any

from detente.nlp.timex.tagger import tag

# ---------------------------------------------------------------------------------------------
# spaCy component


def _register_extensions() -> None:
    from spacy.tokens import Doc

    if not Doc.has_extension("pubdate"):
        Doc.set_extension("pubdate", default=None)
    if not Doc.has_extension("timexes"):
        Doc.set_extension("timexes", default=None)


def _component(doc: Any) -> Any:
    _register_extensions()
    doc._.timexes = tag(doc.text, doc._.pubdate)
    return doc


try:  # spaCy is a hard dependency, but keep the tagger importable without it for tools.
    from spacy.language import Language

    _register_extensions()
    if "detente_timex" not in Language.factories:
        Language.component("detente_timex", func=_component)
except ImportError:  # pragma: no cover
    pass
