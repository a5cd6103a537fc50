"""Benchmarks: scripts that print figures (never timed tests), kept outside the production package."""
