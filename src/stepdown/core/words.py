"""Words from a fixed list read as one phrase, shared by the wording of risk factors
(``risk/says.py``) and of alerts and nudges (``rules/says.py``)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Words:
    """Words from a fixed list, read as one phrase: "pain, mood and sleep". ``every_and`` joins
    every pair with "and" ("anxiety and depression and ...")."""

    words: tuple[str, ...]
    every_and: bool = False

    @property
    def text(self) -> str:
        if self.every_and or len(self.words) < 2:
            return " and ".join(self.words)
        return f"{', '.join(self.words[:-1])} and {self.words[-1]}"
