"""Bench-only settings: the real settings plus a baseline endpoint (never used in production)."""

from stepdown.config.settings import *  # noqa: F403

ROOT_URLCONF = "benches.urls"
# Lockout and idle timeout are irrelevant to throughput and would only add noise.
AXES_ENABLED = False
