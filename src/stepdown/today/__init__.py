"""The Today page: one view gathering each app's panel through that app's selectors."""
