"""Errors the instruments package raises; the web layer maps them to 404 and 422."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from stepdown.core.says import Says, Value

# Where an answer went wrong, and the whole sentence (``InvalidAnswerError.sentence``).
PLACE_ITEM = "%(code)s item %(item)s"
PLACE_INSTRUMENT = "%(code)s"
PLACE_AND_PROBLEM = "%(place)s: %(problem)s"


class UnknownInstrumentError(LookupError):
    """No instrument is registered under ``code``."""

    def __init__(self, code: str, known: tuple[str, ...]) -> None:
        self.code = code
        self.known = known
        super().__init__(f"unknown instrument {code!r}; known instruments: {', '.join(known)}")

    def __str__(self) -> str:
        # LookupError would otherwise print the message in quotes, like KeyError.
        return str(self.args[0])


class InvalidAnswerError(ValueError):
    """A response is missing an answer, has an extra one, or has one that is not allowed.

    ``says`` is what is wrong, as a message and its values (``stepdown.core.says``), so the
    pages, the API and the command line word it in the reader's language; ``place`` names the
    questionnaire and the question. ``item`` is the offending item code, or ``None`` when the
    problem is the response as a whole (too many positional answers). The exception's text is
    the English sentence: "phq9 item q4: 7 is not an allowed answer (allowed: 0, 1, 2, 3)".
    """

    def __init__(
        self,
        message: str,
        values: Mapping[str, Value] | None = None,
        *,
        instrument: str,
        item: str | None,
    ) -> None:
        self.says = Says(message, dict(values or {}))
        self.instrument = instrument
        self.item = item
        super().__init__(self.sentence(lambda says: says.text))

    @property
    def place(self) -> Says:
        if self.item is None:
            return Says(PLACE_INSTRUMENT, {"code": self.instrument})
        return Says(PLACE_ITEM, {"code": self.instrument, "item": self.item})

    def sentence(self, worded: Callable[[Says], str]) -> str:
        """The place and the problem as one sentence, each worded by ``worded`` (an adapter's)."""
        return worded(
            Says(PLACE_AND_PROBLEM, {"place": worded(self.place), "problem": worded(self.says)})
        )

    @property
    def field(self) -> str | None:
        """The offending item code, for an API error body."""
        return self.item
