"""Scoring detente against gold data.

- :mod:`detente.evaluation.events`: coded events against gold events (strict / quad / dyad)
- :mod:`detente.evaluation.timex`: the temporal tagger against TimeML / MEANTIME (TempEval-3)
- :mod:`detente.evaluation.petrarch`: the coder on PETRARCH's unit-test records
"""
