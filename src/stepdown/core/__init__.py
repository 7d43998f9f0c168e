"""The pure core: maths, rules and scoring with no Django, no I/O and no globals.

Functions take frozen values and return frozen values; every clinical number cites a source ID
from ``docs/clinical-sources.md`` or says that it is an assumption.
"""
