"""``python -m stepdown``: the same as the ``stepdown`` command."""

from stepdown.cli import main

main()
