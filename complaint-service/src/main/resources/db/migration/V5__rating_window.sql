-- The rating-window job looks for resolved reports whose rating is overdue, oldest first: only RESOLVED rows indexed.
create index report_awaiting_rating on report (resolved_at) where status = 'RESOLVED';
