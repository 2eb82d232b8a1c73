-- the steward's decisions about the elections being linked (link_outcomes), with what each did
insert into link_decisions by name select * from link_outcomes
