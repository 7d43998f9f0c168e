"""What the French command-line tests share: running ``stepdown`` in a language, and the check
that its output reads wholly in French (no English sentence of the catalogue left in it)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tests.i18n.french import english_sentences
from typer.testing import CliRunner

from stepdown.cli import app

# A wide terminal, so Rich does not break a sentence over the lines of a table's cell.
FRENCH = {"LANG": "fr_FR.UTF-8", "LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": "", "COLUMNS": "400"}
ENGLISH = {"LANG": "C.UTF-8", "LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": "", "COLUMNS": "400"}
_BOX = re.compile(r"[│┃╭╮╰╯─━┏┓┗┛┡┩╇┳┻╋┣┫┠┨╂┬┴┼├┤┌┐└┘]")
# Click's and Typer's own English words, which are not the catalogue's sentences of two words.
_CLICK_ENGLISH = ("Usage:", "Missing option", "Missing argument", "No such", "Try '", "Error")


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str

    @property
    def text(self) -> str:
        """Everything printed, the table lines taken out and the spaces collapsed."""
        return " ".join(_BOX.sub(" ", self.out + "\n" + self.err).split())


def run(environment: dict[str, str], *args: str, input: str | None = None) -> Run:
    result = CliRunner().invoke(app, list(args), env=environment, input=input)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return Run(result.exit_code, result.stdout, result.stderr)


def assert_french(result: Run, *expected: str) -> str:
    """``result``'s output holds each ``expected`` phrase and no English sentence."""
    text = result.text
    for phrase in expected:
        assert phrase in text, f"{phrase!r} not in {text!r}"
    left = [sentence for sentence in english_sentences() if sentence in text]
    assert not left, f"English left in French output: {left}"
    click = [word for word in _CLICK_ENGLISH if word in text]
    assert not click, f"Click's English left in French output: {click}"
    return text


def assert_one_french_line(result: Run, *expected: str) -> str:
    """Bad input: one line on stderr, in French, and a non-zero exit."""
    assert result.code != 0
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    return assert_french(Run(result.code, "", result.err), *expected)
