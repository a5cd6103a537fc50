-- 070: failed sign-ins slowed down in the database, so that every app process (the network edition runs two
-- behind a proxy) sees the same counts. One row per key: a login as typed (known or not, so that an unknown
-- login is slowed exactly as a known one) or a client address. Keys are stored as digests (`login:…` and
-- `address:…` through SHA-256), so the table holds neither a typed text (a password typed in the wrong
-- field) nor an address. Rows older than the window are deleted at the next attempt.
-- Written only by clsm_data.access.slowing, through the write door without an audit row, like the rest of
-- the sign-in bookkeeping.

CREATE TABLE IF NOT EXISTS sign_in_slowing (
    key VARCHAR NOT NULL,                 -- 'login:' or 'address:' then 32 hex digits of a SHA-256
    failures INTEGER NOT NULL DEFAULT 0,  -- failed sign-ins within the window
    next_at DOUBLE NOT NULL DEFAULT 0,    -- epoch seconds: no attempt of this key is answered before then
    last_at DOUBLE NOT NULL DEFAULT 0,    -- epoch seconds of the latest attempt (the window runs from it)
    PRIMARY KEY (key)
);
