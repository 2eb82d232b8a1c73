-- The cases columns the published generation (`before`) and the rebuilt one both have, in the rebuilt one's order.
select column_name from duckdb_columns()
where database_name = current_database() and schema_name = 'main' and table_name = 'cases'
  and column_name in (select column_name from duckdb_columns()
                      where database_name = 'before' and schema_name = 'main' and table_name = 'cases')
order by column_index
