"""Exports of Stepdown data to other formats (pure functions: values in, bytes out)."""
