"""Follow-up: the coordinator's yearly work (dated statuses, comments, validated years) and named slide sequences."""
