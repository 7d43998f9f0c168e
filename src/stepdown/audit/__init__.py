"""Who read whose data: the append-only, hash-chained access log, and the person's view of it."""
