package org.lookout.contracts;

/**
 * Where an official's registration stands (住社区在职领导干部登记表): {@code PENDING} until an inspector confirms a
 * registration by community staff, then {@code ACTIVE}; an official who moved away, retired or died is kept with that
 * status, never deleted. The cadre registry's state table decides the moves.
 */
public enum OfficialStatus {
    PENDING, ACTIVE, TRANSFERRED, RETIRED, DECEASED
}
