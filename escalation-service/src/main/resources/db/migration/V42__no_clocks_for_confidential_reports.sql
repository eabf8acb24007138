-- Issue 13: reports about officials (confidential) start no community clock: their 12388 limits run in the cadre
-- registry, and they count in no community figure. Clocks such reports started before are cancelled as of now, so they
-- neither warn nor breach; ended ones keep their outcome.
update sla_clock set state = 'CANCELLED', stopped_at = now(), met = null, paused_at = null
    where confidential and state in ('RUNNING', 'PAUSED');
