"""Command line: `python -m clsm_data …` (French messages, exit codes for scripts)."""
