"""Errors that services raise and every adapter (page, API, CLI) turns into a clear answer."""

from __future__ import annotations


class InvalidInput(ValueError):
    """Input that cannot be accepted. ``field`` names the input; ``message`` says why, kindly."""

    def __init__(self, field: str, message: str, *, location: str = "body") -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message
        # Where the API says the field was: "body", or "query" for a list filter.
        self.location = location

    @property
    def problems(self) -> dict[str, str]:
        return {self.field: self.message}


class InvalidInputs(InvalidInput):
    """Several fields wrong at once, so a form can show every reason together. ``field`` and
    ``message`` are the first, for adapters that show one."""

    def __init__(self, problems: dict[str, str]) -> None:
        field, message = next(iter(problems.items()))
        super().__init__(field, message)
        self._problems = dict(problems)

    @property
    def problems(self) -> dict[str, str]:
        return self._problems


class NeedsConfirmation(InvalidInput):
    """Input that is possible but unlikely: saved only when the person confirms it, with
    ``confirm_unusual`` (a form's tick box, the API's body field, the CLI's ``--confirm``)."""

    confirm_field = "confirm_unusual"


class NotFound(LookupError):
    """The object does not exist, or is not the caller's to see (the two look the same)."""
