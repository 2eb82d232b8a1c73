"""The DuckDB warehouse: schema and migrations, generations (publish, probe, restore), and the read API (reader)."""
