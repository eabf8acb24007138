-- One database and login per service (docker-compose runs this once, on an empty volume).
-- Local passwords equal the names; production sets its own through DB_PASSWORD.
CREATE ROLE complaint LOGIN PASSWORD 'complaint';
CREATE DATABASE complaint OWNER complaint ENCODING 'UTF8' TEMPLATE template0;

CREATE ROLE cadre_registry LOGIN PASSWORD 'cadre_registry';
CREATE DATABASE cadre_registry OWNER cadre_registry ENCODING 'UTF8' TEMPLATE template0;

CREATE ROLE escalation LOGIN PASSWORD 'escalation';
CREATE DATABASE escalation OWNER escalation ENCODING 'UTF8' TEMPLATE template0;

CREATE ROLE notification LOGIN PASSWORD 'notification';
CREATE DATABASE notification OWNER notification ENCODING 'UTF8' TEMPLATE template0;
