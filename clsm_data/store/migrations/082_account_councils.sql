-- 082: an account that reads several councils (an ARS officer over a region, the national resource centre): the
-- councils beyond its own (app_user.council_id). Its session reads one council at a time, chosen in the sidebar;
-- the national survey's table may cover all of them at once.

CREATE TABLE IF NOT EXISTS account_council (
    council_id VARCHAR NOT NULL,
    username VARCHAR NOT NULL,
    PRIMARY KEY (council_id, username)
);
