"""Read: filters and their clauses, named queries, provenance of every value, small-count privacy. Never writes."""
