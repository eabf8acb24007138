package org.lookout.complaint.domain;

/**
 * Where a lookout's Keycloak account stands: the role and community are to be given ({@code PENDING_GRANT}) or taken
 * back ({@code PENDING_REVOKE}), were given or taken ({@code GRANTED}, {@code REVOKED}), or Keycloak did not allow the
 * change ({@code NEEDS_ADMINISTRATOR}: the exact change is on the appointment) or knows no such user
 * ({@code NO_SUCH_USER}). All but GRANTED and REVOKED are tried again, with back-off.
 */
public enum AccountState {
    PENDING_GRANT, GRANTED, PENDING_REVOKE, REVOKED, NEEDS_ADMINISTRATOR, NO_SUCH_USER;

    public boolean isSettled() {
        return this == GRANTED || this == REVOKED;
    }
}
