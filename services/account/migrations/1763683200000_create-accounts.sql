-- Up Migration
CREATE TABLE accounts (
  id         uuid PRIMARY KEY,
  name       text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
  email      text NOT NULL CHECK (char_length(email) BETWEEN 3 AND 254),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

-- Emails are unique regardless of case; a race between two creates ends in a unique violation on this index.
CREATE UNIQUE INDEX accounts_email_lower_key ON accounts (lower(email));

-- Keyset pagination, newest first.
CREATE INDEX accounts_created_at_id_idx ON accounts (created_at DESC, id DESC);

-- Down Migration
DROP TABLE accounts;
