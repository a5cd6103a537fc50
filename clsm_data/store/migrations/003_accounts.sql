-- 003: local sign-in accounts. Logins only (a role name or a structure code such as "udaf57"):
-- no e-mail, no phone, no person's name. Passwords are argon2 hashes; failed sign-ins are
-- counted here, on the server, so a lock-out survives a new browser session.

CREATE TABLE app_user (
    username VARCHAR NOT NULL,
    role VARCHAR NOT NULL CHECK (role IN ('coordinator', 'partner')),
    password_hash VARCHAR NOT NULL,
    created_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    disabled BOOLEAN NOT NULL DEFAULT false,
    failed_count INTEGER NOT NULL DEFAULT 0,
    locked_until TIMESTAMP,
    PRIMARY KEY (username)
);
