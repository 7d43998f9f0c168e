"""Log filters: one line per event, no traceback, where a traceback only repeats a known cause."""

from __future__ import annotations

import logging


class OneLine(logging.Filter):
    """Drop the traceback; keep the message (``Invalid HTTP_HOST header: …``)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.exc_info = None
        record.exc_text = None
        record.stack_info = None
        return True
