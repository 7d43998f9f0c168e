"""A person's "today" is the date in their own time zone (accounts/clock.py), never the server's
or UTC's: near midnight UTC the two differ by a day, and a check or a fixture that mixes them
fails only at some hours of the day."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
import time_machine

from stepdown.errors import InvalidInput
from stepdown.journal.services import product_create

ROOT = Path(__file__).resolve().parents[2]
# The server's or UTC's date where no person's day is meant.
SERVER_DATE = re.compile(r"timezone\.localdate\(\)|date\.today\(\)|\.now\([^)]*\)\.date\(\)")
NOT_A_PERSONS_DAY = {
    "src/stepdown/cli/worker.py": "the daily job runs once per UTC day for everyone",
    "src/stepdown/cli/plan.py": "the pure plan command has no person: the machine's date",
    "tests/cli/test_plan.py": "checks that command's default against the machine's date",
}
# 19:00 UTC on 3 December 2026: 08:00 on the 4th in Auckland, 09:00 on the 3rd in Honolulu.
EVENING_UTC = dt.datetime(2026, 12, 3, 19, 0, tzinfo=dt.UTC)


@pytest.mark.django_db
@time_machine.travel(EVENING_UTC, tick=False)
@pytest.mark.parametrize(
    ("zone", "accepted"),
    [
        ("Pacific/Auckland", True),  # already the 4th there, while UTC is still on the 3rd
        ("Pacific/Honolulu", False),  # still the 3rd there: the 4th is in the future
    ],
)
def test_a_lab_test_date_is_in_the_future_only_by_the_persons_own_calendar(
    make_user: Any, zone: str, accepted: bool
) -> None:
    owner = make_user("kiri@example.org", time_zone=zone)
    if accepted:
        product = product_create(owner=owner, name="Red", lab_test_date=dt.date(2026, 12, 4))
        assert product.lab_test_date == dt.date(2026, 12, 4)
    else:
        with pytest.raises(InvalidInput) as refused:
            product_create(owner=owner, name="Red", lab_test_date=dt.date(2026, 12, 4))
        assert refused.value.field == "lab_test_date"


def test_no_code_takes_the_servers_date_for_a_persons_day() -> None:
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for folder in ("src", "tests")
        for path in sorted((ROOT / folder).rglob("*.py"))
        if str(path.relative_to(ROOT)) not in NOT_A_PERSONS_DAY
        and "/core/" not in str(path)  # the pure core is given its dates
        and path != Path(__file__).resolve()
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if SERVER_DATE.search(line)
    ]
    assert not found, "use accounts.clock.local_today(person):\n" + "\n".join(found)
