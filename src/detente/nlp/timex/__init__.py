"""Find time expressions and normalise them to TIMEX3-style values, dated as the text dates them.

``tag(text, pubdate)`` reads the document once, in order, and keeps a *running reference time*
at three granularities (year, month, day). Each expression chooses its own anchor:

* **absolute** expressions carry their own year ("March 1965", "1999", "the 1990s");
* **deictic** ones ("last week", "this year", "on Tuesday", "today") resolve against the
  publication date;
* **anaphoric** ones ("the same year", "the following month", "two years later", a bare
  "in March" inside a historical passage) resolve against the reference time the narrative
  has set so far. A heading such as ``1987:`` is just an absolute year that the following
  text inherits.

Choosing the anchor per expression rather than per document is the point: a news article can
recall "In 1999, Sharif visited Moscow. In March, ..." and still say "last week" about the
present, and each is dated correctly.

Ranges ("from 1979 to 1989", "1979–89", "between 2002 and 2004") are returned the way TIMEX3
corpora annotate them: one expression per end point, so that both ends can be scored and
cited. The *first* end point additionally carries ``end_value`` with the last end point's
value, so a consumer can read the interval from one record. "since 2001" gets
``end_value`` = the publication date (the interval runs to the present) and "by 2014" gets
``mod="ON_OR_BEFORE"``.

Temponyms (named dates of international affairs such as "9/11" or "the partition") come from
``codebook/data/temponyms.tsv``; users add their own with ``tag(..., temponyms=paths)``, the
pipeline's ``detente_timex`` configuration, or (on the command line) the ``DETENTE_TEMPONYMS``
environment variable (see :mod:`detente.settings`).

Everything is regular expressions over the raw text: no parse is needed, so the tagger costs a
small fraction of spaCy's parse and its offsets are exact character offsets into ``text``.

Layout: :mod:`~detente.nlp.timex.lexicon` (word lists and regex pieces),
:mod:`~detente.nlp.timex.calendar` (calendar arithmetic), :mod:`~detente.nlp.timex.base` (the
running reference time and the rule machinery), the rules in :mod:`~detente.nlp.timex.dates`,
:mod:`~detente.nlp.timex.relative` and :mod:`~detente.nlp.timex.periods` (ordered in
:mod:`~detente.nlp.timex.rules`), :mod:`~detente.nlp.timex.temponyms`,
:mod:`~detente.nlp.timex.tagger` and the spaCy :mod:`~detente.nlp.timex.component`.
"""

from __future__ import annotations

from detente.nlp.timex import component as _component  # noqa: F401  (registers detente_timex)
from detente.nlp.timex.rules import RULES
from detente.nlp.timex.tagger import reference_time_at, tag
from detente.nlp.timex.temponyms import load_temponyms

__all__ = ["RULES", "load_temponyms", "reference_time_at", "tag"]
