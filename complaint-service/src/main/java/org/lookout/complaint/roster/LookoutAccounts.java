package org.lookout.complaint.roster;

/**
 * The realm's accounts as the roster changes them: give an appointed lookout's account the lookout role and the
 * community, take the role back at retirement. Blocking; called by {@link AccountSync} off the event loop. The one
 * implementation talks to the Keycloak admin API ({@link KeycloakLookoutAccounts}); module tests put a stub Keycloak
 * behind it (WireMock), so no running Keycloak is needed.
 */
public interface LookoutAccounts {

    /** What came of a change: done (with the account's subject), no such user, refused (with the exact change), or
     * Keycloak unreachable. */
    record Outcome(Kind kind, String subject, String change) {

        public enum Kind {
            DONE, NO_SUCH_USER, REFUSED, UNREACHABLE
        }

        static Outcome done(String subject) {
            return new Outcome(Kind.DONE, subject, null);
        }

        static Outcome noSuchUser() {
            return new Outcome(Kind.NO_SUCH_USER, null, null);
        }

        static Outcome refused(String change) {
            return new Outcome(Kind.REFUSED, null, change);
        }

        static Outcome unreachable() {
            return new Outcome(Kind.UNREACHABLE, null, null);
        }
    }

    /** The account {@code username} gets the lookout role and, when it has none, the community attribute. */
    Outcome grant(String username, String community);

    /** The account {@code username} loses the lookout role (it keeps its community: it still lives there). */
    Outcome revoke(String username, String community);
}
