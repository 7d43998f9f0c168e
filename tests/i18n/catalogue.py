"""What the catalogue tests read: the templates that must be fully translated, the text in a
template that is not marked for translation, and every message id the code and templates use.

Pure Python (Django's template lexer, ``ast``, polib), so the check needs no GNU gettext.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

from django.template.base import Lexer, TokenType
from django.utils.translation.template import templatize

import stepdown

PACKAGE = Path(stepdown.__file__).resolve().parent
TEMPLATES = PACKAGE / "templates"
PO_FILE = PACKAGE / "locale" / "fr" / "LC_MESSAGES" / "django.po"

# The templates every person sees in their own language, whole. Later work adds to this list
# until it names every template (test_catalogue prints the ones still outside it).
TRANSLATED = (
    "base.html",
    "alerts/tags/bell.html",
    "web/help.html",
    "web/welcome.html",
    "web/error.html",
    "partials/",
    "accounts/login.html",
    "accounts/signup.html",
    "accounts/settings.html",
    "today/",
    "journal/_dose_fields.html",
    "journal/_dose_list.html",
    "journal/dose_list.html",
    "journal/dose_form.html",
    "journal/dose_confirm_delete.html",
    "checkins/hub.html",
    "checkins/_hub.html",
    "checkins/_due.html",
    "checkins/answer.html",
    "checkins/_question.html",
    # The crisis path, the rest of check-ins, the account pages, the offline page:
    #
    "checkins/crisis.html",
    "checkins/safety_plan.html",
    "checkins/result.html",
    "checkins/trends.html",
    "checkins/schedule.html",
    "accounts/mfa_recovery_codes.html",
    "accounts/mfa_setup.html",
    "accounts/mfa_verify.html",
    "accounts/password_change.html",
    "accounts/password_reset.html",
    "accounts/password_reset_confirm.html",
    "accounts/password_reset_done.html",
    "accounts/signup_sent.html",
    "accounts/signup_confirm.html",
    "accounts/rate_limited.html",
    "accounts/locked_out.html",
    "accounts/reauth.html",
    "accounts/password_reset_email.txt",
    "accounts/password_reset_subject.txt",
    "accounts/signup_confirm_email.txt",
    "accounts/signup_taken_email.txt",
    "web/offline.html",
    # Goals, risk, onboarding, medicines and substances, products, records, access log:
    #
    "goals/",
    "profile/",
    "substances/",
    "journal/product_list.html",
    "journal/product_form.html",
    "journal/product_confirm_remove.html",
    "records/",
    "audit/access_log.html",
    # Plans, reminders, Learn and support, skin:
    #
    "plans/",
    "reminders/",
    "learn/",
    "skin/",
    # Clinician pages:
    #
    "clinic/_dashboard_pages.html",
    "clinic/_dashboard_row.html",
    "clinic/_messages_thread.html",
    "clinic/_patient_medicines.html",
    "clinic/_patient_plan.html",
    "clinic/_patient_scores.html",
    "clinic/alert_email.txt",
    "clinic/alerts.html",
    "clinic/dashboard.html",
    "clinic/home.html",
    "clinic/invitation_new.html",
    "clinic/members.html",
    "clinic/messages_patient.html",
    "clinic/messages_waiting.html",
    "clinic/notes_list.html",
    "clinic/notes_patient.html",
    "clinic/patient.html",
    "clinic/patient_report.html",
    "clinic/proposals_patient.html",
    "clinic/staff_invitation_email.txt",
    "clinic/staff_join.html",
    "clinic/staff_join_invalid.html",
    # Alerts and nudges:
    #
    "alerts/",
    # The person's side of the clinic:
    #
    "clinic/consent_form.html",
    "clinic/join.html",
    "clinic/join_invalid.html",
    "clinic/sharing.html",
    "clinic/messages_mine.html",
    "clinic/messages_today_card.html",
    "clinic/notes_mine.html",
    "clinic/notes_today_card.html",
    "clinic/proposal_card.html",
    "clinic/proposal_summary.html",
    "clinic/proposals_list.html",
    "clinic/message_waiting_email.txt",
)

# Words that read the same in every language the app speaks: the name, units, file types and
# the colour-science symbols of the skin pages (ITA°, ΔITA, L* a* b*, ΔL*, Δb*, ΔE00).
SAME_IN_EVERY_LANGUAGE = frozenset(
    {"Stepdown", "g", "mg", "ml", "sdp", "PDF", "ITA", "ΔITA", "L", "a", "b", "ΔL", "Δb", "ΔE"}
)
# Attributes whose value a person reads or hears.
HUMAN_ATTRIBUTES = frozenset(
    {"aria-label", "aria-description", "aria-roledescription", "title", "placeholder", "alt"}
)
HOLE = "\ue000"  # stands for a template tag or variable: not a letter
WORD = re.compile(r"[^\W\d_]+")


def template_files() -> list[Path]:
    return sorted(
        path
        for path in PACKAGE.rglob("*")
        if path.suffix in {".html", ".txt"} and "templates" in path.parts
    )


def in_translated_set(path: Path) -> bool:
    name = path.relative_to(TEMPLATES).as_posix() if path.is_relative_to(TEMPLATES) else ""
    return any(
        name == entry or (entry.endswith("/") and name.startswith(entry)) for entry in TRANSLATED
    )


def translated_templates() -> list[Path]:
    return [path for path in template_files() if in_translated_set(path)]


def skeleton(source: str) -> str:
    """The template with every tag, variable, comment and translated passage made a hole: what
    is left is the text and markup written straight into it."""
    parts: list[str] = []
    skipping: str | None = None  # the end tag of a passage that is not text for a person
    for token in Lexer(source).tokenize():
        contents = token.contents.strip()
        if skipping is not None:
            if token.token_type == TokenType.BLOCK and contents.split()[:1] == [skipping]:
                skipping = None
            continue
        if token.token_type == TokenType.TEXT:
            parts.append(token.contents)
            continue
        if token.token_type == TokenType.BLOCK:
            name = contents.split()[0] if contents else ""
            ends = {
                "blocktranslate": "endblocktranslate",
                "blocktrans": "endblocktrans",
                "comment": "endcomment",
                "verbatim": "endverbatim",
            }
            skipping = ends.get(name)
        parts.append(HOLE)
    return "".join(parts)


class _TextFinder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._hidden = 0  # inside <script> or <style>

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"script", "style"}:
            self._hidden += 1
        for name, value in attrs:
            if name in HUMAN_ATTRIBUTES and value:
                self._check(value, f"{tag}[{name}]")

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "style"} and self._hidden:
            self._hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self._check(data, "text")

    def _check(self, text: str, where: str) -> None:
        words = [word for word in WORD.findall(text) if word not in SAME_IN_EVERY_LANGUAGE]
        if words:
            self.found.append(f"{where}: {' '.join(text.split())[:80]!r}")


def unmarked_text(path: Path) -> list[str]:
    """Text a person reads in the template that is not inside {% translate %} or
    {% blocktranslate %}."""
    finder = _TextFinder()
    finder.feed(skeleton(path.read_text(encoding="utf-8")))
    finder.close()
    return finder.found


_STRING = r"""u?(?:'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")"""
_TEMPLATE_CALL = re.compile(rf"\b(_|n?p?gettext)\(\s*(?P<args>(?:{_STRING}\s*,?\s*)+)")


def template_message_ids(path: Path) -> Iterator[tuple[str | None, str]]:
    """(context, msgid) of each string the template marks, as makemessages reads them."""
    code = templatize(path.read_text(encoding="utf-8"), origin=str(path))
    for match in _TEMPLATE_CALL.finditer(code):
        strings = [ast.literal_eval(s) for s in re.findall(_STRING, match.group("args"))]
        function = match.group(1)
        context = strings.pop(0) if function.startswith(("pgettext", "npgettext")) else None
        if strings:
            yield context, strings[0]


PY_FUNCTIONS = {
    "_": 0,
    "gettext": 0,
    "gettext_lazy": 0,
    "gettext_noop": 0,
    "ngettext": 0,
    "ngettext_lazy": 0,
    "pgettext": 1,
    "pgettext_lazy": 1,
    "npgettext": 1,
    "npgettext_lazy": 1,
}


def python_files() -> list[Path]:
    core = PACKAGE / "core"
    return sorted(
        path
        for path in PACKAGE.rglob("*.py")
        if not path.is_relative_to(core) and "migrations" not in path.parts
    )


def python_message_ids(path: Path) -> Iterator[tuple[str | None, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
            continue
        position = PY_FUNCTIONS.get(node.func.id)
        if position is None or len(node.args) <= position:
            continue
        args = node.args
        if not all(
            isinstance(arg, ast.Constant) and isinstance(arg.value, str)
            for arg in args[: position + 1]
        ):
            continue  # a variable: its value is marked where it is written
        context = args[0].value if position == 1 else None  # type: ignore[attr-defined]
        yield context, args[position].value  # type: ignore[attr-defined]


def used_message_ids() -> dict[tuple[str | None, str], str]:
    """Every (context, msgid) the templates and the Python code mark, with where it is."""
    found: dict[tuple[str | None, str], str] = {}
    for path in template_files():
        for key in template_message_ids(path):
            found.setdefault(key, str(path.relative_to(PACKAGE)))
    for path in python_files():
        for key in python_message_ids(path):
            found.setdefault(key, str(path.relative_to(PACKAGE)))
    return found
