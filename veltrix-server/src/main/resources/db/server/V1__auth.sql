-- Game servers authenticate with API keys; only a SHA-256 of the secret part is kept.
CREATE TABLE server_keys (
    id          VARCHAR(16)  NOT NULL PRIMARY KEY,
    name        VARCHAR(64)  NOT NULL,
    secret_hash VARCHAR(64)  NOT NULL,
    scopes      VARCHAR(200) NOT NULL,
    created_at  BIGINT       NOT NULL,
    revoked_at  BIGINT
);

-- Console administrators; passwords as salted PBKDF2 hashes.
CREATE TABLE admins (
    id                   VARCHAR(36)  NOT NULL PRIMARY KEY,
    username             VARCHAR(64)  NOT NULL,
    password_hash        VARCHAR(200) NOT NULL,
    role                 VARCHAR(16)  NOT NULL,
    must_change_password INTEGER      NOT NULL,
    created_at           BIGINT       NOT NULL,
    CONSTRAINT uq_admins_username UNIQUE (username)
);

-- Browser sessions of admins and players; the cookie holds a token whose hash is the key.
CREATE TABLE web_sessions (
    token_hash VARCHAR(64)  NOT NULL PRIMARY KEY,
    kind       VARCHAR(8)   NOT NULL,
    subject    VARCHAR(64)  NOT NULL,
    csrf_token VARCHAR(64)  NOT NULL,
    created_at BIGINT       NOT NULL,
    expires_at BIGINT       NOT NULL
);

-- One-time codes a game server obtains for a player to sign in to the portal.
CREATE TABLE player_login_codes (
    code_hash  VARCHAR(64) NOT NULL PRIMARY KEY,
    player     VARCHAR(36) NOT NULL,
    expires_at BIGINT      NOT NULL,
    used_at    BIGINT
);
