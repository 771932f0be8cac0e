"""Named officials with time-bounded roles, from the PETRARCH/Phoenix actor dictionaries.

The index is compiled into the package (``codebook/data/petrarch_actors.json.gz``) and
loaded once per process, lazily: only documents that name people pay for it.
"""

from __future__ import annotations

from functools import cache

from detente.petrarch.actors import ActorIndex, phoenix_actor_index


@cache
def people_index(extra: tuple[str, ...] = ()) -> ActorIndex:
    """The Phoenix actor index, plus the PETRARCH-format actor dictionaries at the paths
    ``extra`` (``DETENTE_ACTORS``, resolved by the CLI: see :mod:`detente.settings`)."""
    if not extra:
        return phoenix_actor_index()
    from detente.codebook._data import data_path
    from detente.petrarch.actors import (
        PHOENIX_ACTORS_FILE,
        load_actor_dictionary,
        load_compiled_actors,
    )

    # A fresh index: adding to the cached packaged one would leak these entries into runs
    # that did not ask for them.
    index = ActorIndex.from_entries(load_compiled_actors(data_path(PHOENIX_ACTORS_FILE)))
    for path in extra:
        for entry in load_actor_dictionary(path):
            index.add(entry)
    return index


_SURNAMES: dict[int, tuple[ActorIndex, dict[str, tuple[object, ...]]]] = {}


def surname_index(index: ActorIndex | None = None) -> dict[str, tuple[object, ...]]:
    """Person entries of ``index`` (default: the packaged one) by the last word of each
    multi-word name ("musharraf" → Pervez Musharraf).

    Texts name officials by surname after the first mention ("President Musharraf"); the
    dictionaries list full names. Only names of two or more words count, so that one-word
    entries (places, groups) never pose as surnames.
    """
    index = index if index is not None else people_index()
    cached = _SURNAMES.get(id(index))
    if cached is not None and cached[0] is index:
        return cached[1]
    by_last: dict[str, list[object]] = {}
    for bucket in index._by_first.values():
        for key, entries in bucket.items():
            if len(key) < 2:
                continue
            for e in entries:
                found = by_last.setdefault(key[-1], [])
                if e not in found:
                    found.append(e)
    result = {k: tuple(v) for k, v in by_last.items()}
    _SURNAMES[id(index)] = (index, result)
    return result


#: Words of address that precede a name; never a surname on their own.
_HONORIFICS = {"lord", "lady", "sir", "dame", "mr", "mrs", "ms", "dr", "madame", "monsieur"}


def lookup_person(
    index: object, titled: list[str], words: list[str], date: str | None
) -> str | None:
    """The code of a named person at ``date`` in ``index``: the titled name, the full name,
    then the surname alone when every person of that name has one code."""
    for seq in (titled, words):
        hit = index.longest_match(seq, 0, date)  # type: ignore[attr-defined]
        if hit and hit[0] == len(seq):
            code = hit[1].code_at(date)
            if code:
                return code
    if words[-1].lower() in _HONORIFICS:
        return None  # "Lord Curzon's": the honorific is not a surname ("Winston Lord")
    found = [e for e in surname_index(index).get(words[-1], ()) if e.code_at(date)]  # type: ignore[attr-defined]
    codes = {e.code_at(date) for e in found}  # type: ignore[attr-defined]
    # A bare surname is trusted only when every person of that name has the same code.
    if len(codes) == 1 and (len(words) == 1 or any(words[0] in e.names[0].split() for e in found)):  # type: ignore[attr-defined]
        return codes.pop()
    return None
