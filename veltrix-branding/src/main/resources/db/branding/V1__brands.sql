-- Brands, versioned: one draft and one published version per brand, earlier ones retired and kept (history and
-- rollback). Logo and favicon travel with their version (base64). brand_hosts maps the host names of published brands;
-- brand_settings names the default brand.
CREATE TABLE brand_versions (
    brand_id     VARCHAR(40) NOT NULL,
    version      INTEGER     NOT NULL,
    state        VARCHAR(16) NOT NULL,
    definition   ${text}     NOT NULL,
    logo_type    VARCHAR(32),
    logo         ${text},
    favicon_type VARCHAR(32),
    favicon      ${text},
    saved_by     VARCHAR(64) NOT NULL,
    saved_at     BIGINT      NOT NULL,
    published_at BIGINT,
    PRIMARY KEY (brand_id, version)
);

CREATE TABLE brand_hosts (
    host     VARCHAR(253) NOT NULL PRIMARY KEY,
    brand_id VARCHAR(40)  NOT NULL
);

CREATE TABLE brand_settings (
    name  VARCHAR(32) NOT NULL PRIMARY KEY,
    value VARCHAR(64) NOT NULL
);
