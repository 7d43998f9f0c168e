"""Errors the instruments package raises; the web layer maps them to 404 and 422."""

from __future__ import annotations


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

    ``item`` names the offending item code, or is ``None`` when the problem is the response as a
    whole (for example too many positional answers). ``field`` is the same value under the name
    the API uses for a 422.
    """

    def __init__(self, message: str, *, item: str | None) -> None:
        self.item = item
        super().__init__(message)

    @property
    def field(self) -> str | None:
        """The offending item code, for an API error body."""
        return self.item
