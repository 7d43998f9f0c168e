"""A person's country, read from the time zone their account already has.

Stepdown asks for no country: the offline crisis page only needs to know which crisis lines to
put first, and the account's IANA time zone says that well enough (``Europe/Paris`` is France).
The mapping is the time zone database's own ``zone.tab``, read from the system's zoneinfo or the
``tzdata`` package, both offline. A zone with no single country (``UTC``, ``Etc/GMT+1``) or an
old alias that ``zone.tab`` does not list gives no country, and every line is shown in the usual
order.
"""

from __future__ import annotations

import contextlib
import functools
import zoneinfo
from importlib import resources
from pathlib import Path


def _zone_tab_texts() -> list[str]:
    texts = []
    for folder in zoneinfo.TZPATH:
        path = Path(folder) / "zone.tab"
        if path.is_file():
            texts.append(path.read_text(encoding="utf-8"))
    with contextlib.suppress(ModuleNotFoundError, FileNotFoundError):
        texts.append(resources.files("tzdata.zoneinfo").joinpath("zone.tab").read_text("utf-8"))
    return texts


@functools.cache
def _zone_countries() -> dict[str, str]:
    countries: dict[str, str] = {}
    for text in _zone_tab_texts():
        for line in text.splitlines():
            if line.startswith("#"):
                continue
            cells = line.split("\t")
            if len(cells) >= 3:
                countries.setdefault(cells[2], cells[0])
    return countries


def country_for_zone(zone: str) -> str:
    """The ISO 3166 country code of ``zone``, or ``""`` when it has none."""
    return _zone_countries().get(zone, "")
