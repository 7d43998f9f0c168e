"""Errors that services raise and every adapter (page, API, CLI) turns into a clear answer."""

from __future__ import annotations


class InvalidInput(ValueError):
    """Input that cannot be accepted. ``field`` names the input; ``message`` says why, kindly."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


class NeedsConfirmation(InvalidInput):
    """Input that is possible but unlikely: saved only when the person confirms it, with
    ``confirm_unusual`` (a form's tick box, the API's body field, the CLI's ``--confirm``)."""

    confirm_field = "confirm_unusual"


class NotFound(LookupError):
    """The object does not exist, or is not the caller's to see (the two look the same)."""
