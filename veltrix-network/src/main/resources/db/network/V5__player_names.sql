-- The in-game name each player was last seen under, as game servers report it on join, so a buyer on the
-- web store can name the player to deliver to. A name moves to whoever joined under it last.
CREATE TABLE network_player_names (
    player   VARCHAR(36) NOT NULL PRIMARY KEY,
    name     VARCHAR(16) NOT NULL,
    name_key VARCHAR(16) NOT NULL,
    seen_at  BIGINT      NOT NULL
);
CREATE INDEX network_player_names_key ON network_player_names (name_key, seen_at);
