"""The PETRARCH adapter: reading PETRARCH / Phoenix dictionaries into detente's own types.

- :mod:`detente.petrarch.actors`: actor dictionary readers and ``ActorIndex`` (people and
  organisations with dated country codes)
- :mod:`detente.petrarch.agents`: agent and discard dictionary readers
- :mod:`detente.petrarch.verbs`: the verb dictionary reader, turning PETRARCH patterns into
  :mod:`detente.nlp.patterns` verb patterns (used by ``scripts/build_petrarch_verbs.py``)
- :mod:`detente.petrarch.vocabulary`: the compiled, vetted CAMEO verb vocabulary the coder loads

The data files stay in ``detente/codebook/data`` (read through ``detente.codebook._data``); this
package sits between the codebook (data and loaders, importing nothing of ``nlp``) and ``nlp``,
whose pattern types the verb vocabulary is made of.
"""
