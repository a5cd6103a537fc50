"""Store: the connection, migrations, the one write door, change sets, audit, journal and undo, backups, the seed build."""
