"""Which listed medicine names are the same medicine, read with the interaction checker: brand,
salt and misspelt names of one drug make one entry on the list."""

from __future__ import annotations

from stepdown.core.interactions import resolve


def counts(name: str) -> bool:
    """Whether a listed name counts for alerts and warnings: a close spelling is only a guess
    until the person confirms it (unknown names have nothing to count)."""
    resolution = resolve(name)
    return resolution is not None and not resolution.needs_confirmation


def medicine_key(name: str) -> str:
    """What makes two listed names the same medicine: the ingredients the checker found (for
    a close spelling, the ones it suggests), else the name itself, case aside."""
    resolution = resolve(name)
    if resolution is None or resolution.unrecognised:
        return "name:" + name.casefold()
    if resolution.substances:
        return "drug:" + "+".join(sorted(resolution.substances))
    return "class:" + "+".join(resolution.classes)


def confirmed_name(name: str) -> str:
    """The known name a close spelling was taken for; any other name stays as it is."""
    resolution = resolve(name)
    if resolution is None or resolution.suggestion is None:
        return name
    return resolution.suggestion
