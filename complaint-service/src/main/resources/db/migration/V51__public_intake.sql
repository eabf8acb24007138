-- Issue 14: reports from the public without an account. A proof-of-work challenge is used once: its signature is kept
-- until the challenge expires (then it could not be used anyway) and a second use is refused. Nothing about the sender
-- (no address, no user agent) is kept here or with the report.
create table used_challenge (
    signature  varchar(64) primary key,
    expires_at timestamp(6) with time zone not null
);

create index used_challenge_expires on used_challenge (expires_at);
