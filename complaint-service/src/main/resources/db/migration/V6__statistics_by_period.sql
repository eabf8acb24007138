-- Statistics of a whole street, or of everything (admin), select reports by the period of receipt alone; one
-- community's statistics use report_community_received of V1.
create index report_received on report (received_at);
