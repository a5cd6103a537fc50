"""Core: error types, configuration, roles, table specifications, cell checks. Imports nothing else of clsm_data."""
