"""``make verify``: the reliability probe (issue #17). Starts its own servers on loopback, runs
each probe on SQLite and on PostgreSQL, and writes docs/reliability.md. See __main__.py."""
