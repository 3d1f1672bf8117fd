-- The permission groups game servers last reported for a player, for per-group claim rules.
ALTER TABLE claim_players ADD COLUMN grps VARCHAR(500) NOT NULL DEFAULT '';
