"""Why a photo or a region cannot be measured, as the core says it to a person."""

from __future__ import annotations

from collections.abc import Mapping

from stepdown.core.says import Says, Value


class PhotoProblem(ValueError):
    """A photo or a region Stepdown cannot measure. ``says`` is why, as a message and its values
    (``stepdown.core.says``), so the pages, the API and the command line word it alike; the
    exception's text is its English."""

    def __init__(self, message: str, values: Mapping[str, Value] | None = None) -> None:
        self.says = Says(message, dict(values or {}))
        super().__init__(self.says.text)
