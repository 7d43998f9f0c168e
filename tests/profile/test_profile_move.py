"""Onboarding answers and medicines moved from the goals app to profile by a change of Django's
state only: the tables keep their names, so rows written before the move are read after it, and
the move (either way) runs no SQL."""

from __future__ import annotations

from collections.abc import Iterator
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from stepdown.accounts.models import User
from stepdown.profile.models import Medicine, Onboarding

MOVE_SUFFIX = "onboarding_medicine_to_profile"


def _move() -> tuple[str, str]:
    """The goals migration that hands the models over (its number follows the app's others)."""
    names = MigrationExecutor(connection).loader.disk_migrations
    (key,) = [key for key in names if key[0] == "goals" and key[1].endswith(MOVE_SUFFIX)]
    return key


def _before(move: tuple[str, str]) -> tuple[str, str]:
    migration = MigrationExecutor(connection).loader.disk_migrations[move]
    (previous,) = [dep for dep in migration.dependencies if dep[0] == "goals"]
    return previous


@pytest.fixture
def before_the_move() -> Iterator[MigrationExecutor]:
    """The database as it was before the move; put back at the latest migrations afterwards."""
    executor = MigrationExecutor(connection)
    executor.migrate([_before(_move()), ("profile", None)])
    yield MigrationExecutor(connection)
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())


def test_the_models_keep_their_tables() -> None:
    assert Onboarding._meta.db_table == "goals_onboarding"
    assert Medicine._meta.db_table == "goals_medicine"
    assert Onboarding._meta.app_label == Medicine._meta.app_label == "profile"


@pytest.mark.parametrize(("app", "which"), [("goals", "move"), ("profile", "0001_initial")])
@pytest.mark.django_db(transaction=True)  # SQLite's schema editor needs it, even for sqlmigrate
def test_the_move_runs_no_sql(app: str, which: str) -> None:
    name = _move()[1] if which == "move" else which
    for backwards in (False, True):
        out = StringIO()
        call_command("sqlmigrate", app, name, backwards=backwards, stdout=out)
        statements = [
            line for line in out.getvalue().splitlines() if line and not line.startswith("--")
        ]
        assert [s for s in statements if s.upper() not in {"BEGIN;", "COMMIT;"}] == []


@pytest.mark.django_db(transaction=True)
def test_rows_written_before_the_move_are_read_after_it(
    before_the_move: MigrationExecutor,
) -> None:
    old = before_the_move.loader.project_state(_before(_move())).apps
    owner = User.objects.create_user("sam@example.com", "a long passphrase 42")
    old.get_model("goals", "Onboarding").objects.create(owner_id=owner.pk, reason="cut_down")
    old.get_model("goals", "Medicine").objects.create(owner_id=owner.pk, name="sertraline")

    executor = MigrationExecutor(connection)
    executor.migrate([_move(), ("profile", "0001_initial")])
    new = executor.loader.project_state([_move(), ("profile", "0001_initial")]).apps

    assert (
        new.get_model("profile", "Onboarding").objects.get(owner_id=owner.pk).reason == "cut_down"
    )
    assert [m.name for m in new.get_model("profile", "Medicine").objects.all()] == ["sertraline"]
