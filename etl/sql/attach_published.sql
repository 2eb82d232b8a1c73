-- The published generation, read-only, beside the generation a rebuild is making, to compare them record by record.
attach ? as before (read_only)
