-- Empties the generation's copy of the phrasebook before the current one is copied in.
delete from phrasebook
