"""Pages of one app that also show another app's data, gathered in their views through each
app's selectors: the goals page (with the nudges) and the plan page (with the suggestions)."""
