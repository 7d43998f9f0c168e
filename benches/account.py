"""The bench account, shared by the data generator and the load script (no Django imports)."""

BENCH_EMAIL = "bench@stepdown.example"
# The baseline endpoint writes its rows here, so they never pile into the measured person's day.
BASELINE_EMAIL = "baseline@stepdown.example"
BENCH_PASSWORD = "bench-password-1"
