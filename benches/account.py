"""The bench account, shared by the data generator and the load script (no Django imports)."""

BENCH_EMAIL = "bench@stepdown.example"
BENCH_PASSWORD = "bench-password-1"
