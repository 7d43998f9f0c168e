"""Pages of the taper planner, split by topic: the plan page and its adjustments, the wizard,
and the exports (pouch strip, PDF, calendar)."""
