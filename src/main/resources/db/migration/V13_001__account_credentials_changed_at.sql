-- When an account's credentials last changed (password change or reset, disable, role change). A bearer token
-- carries the value it was issued under and a browser session the one it signed in under; any later change
-- revokes both. NULL: never changed since the column was added.
ALTER TABLE app_user ADD COLUMN credentials_changed_at TIMESTAMP WITH TIME ZONE;
