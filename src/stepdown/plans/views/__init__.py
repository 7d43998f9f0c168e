"""Pages of the taper planner, split by topic: the wizard and the exports (pouch strip, PDF,
calendar). The plan page itself is in ``stepdown.pages.plan``: it shows the alerts app's
suggestions too."""
