-- forget the decision outcomes of the elections being linked again (the steward file is copied anew)
delete from link_decisions where list_contains($elections, election)
