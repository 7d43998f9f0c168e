"""``python -m stepdown.cli``: the same as the ``stepdown`` command."""

from stepdown.cli import main

main()
