-- forget the pending pairs of the elections being linked again
delete from link_reviews where list_contains($elections, election)
