"""The DuckDB warehouse: schema, published generations, and the named read queries."""
