"""CAMEO / Goldstein / quad / PLOVER tables and the actor, IGO and agent dictionaries.

Data files live in ``detente/codebook/data`` (provenance in ``data/SOURCE.md``); each
submodule is a thin, cached loader that reads its table on first use, never at import:

- :mod:`detente.codebook.cameo`: ``cameo_info(code)``, ``is_valid``, ``all_codes``
- :mod:`detente.codebook.countries`: ``country_lexicon()``, ``country_name(code)``
- :mod:`detente.codebook.igos`: ``igo_lexicon()``
- :mod:`detente.codebook.agents`: ``agent_lexicon()``, ``agent_sector(text)``
- :mod:`detente.codebook.lexicon`: ``LexEntry`` (the one entry type) and ``lexicon()``, the
  actor lexicon the actor component matches (countries, IGOs, role words, combining forms)

The PETRARCH actor dictionaries and the compiled verb vocabulary in ``data`` are read by
:mod:`detente.petrarch`, outside this package: the codebook imports nothing of ``nlp``.
"""

from detente.codebook.agents import AgentTerm, agent_lexicon, agent_sector
from detente.codebook.cameo import CameoInfo, all_codes, cameo_info, is_valid
from detente.codebook.countries import country_lexicon, country_name
from detente.codebook.igos import igo_lexicon
from detente.codebook.lexicon import LexEntry, lexicon

__all__ = [
    "AgentTerm",
    "CameoInfo",
    "LexEntry",
    "agent_lexicon",
    "agent_sector",
    "all_codes",
    "cameo_info",
    "country_lexicon",
    "country_name",
    "igo_lexicon",
    "is_valid",
    "lexicon",
]
