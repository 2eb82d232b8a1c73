-- a part, not a query (sql/parts/): the races of the elections shown, for a query's `held` column
chosen as (  -- the elections shown ($elections: the filter's, or every election when none is chosen)
    select unnest($elections::varchar[]) as election
),

races as (  -- their races: a province (its governor) or a kabupaten/kota (its own head)
    select level, code from election_regions join chosen using (election)
),

unknown as (  -- a chosen election the reference does not list: where it was held is not known, so it counts everywhere
    select election from chosen anti join election_regions using (election)
)
