package org.lookout.contracts;

/** What an agency of the directory is; escalation rules pick agencies by kind and jurisdiction. */
public enum AgencyKind {
    PUBLIC_SECURITY, POLICE_STATION, MARKET_REGULATION, CIVIL_AFFAIRS, HOUSING, URBAN_MANAGEMENT, STREET_OFFICE, DISCIPLINE_COMMISSION
}
