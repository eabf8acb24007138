package org.lookout.notification.domain;

/**
 * A notification's recipient as stored: never a person's name or account. A personal address is the keyed pseudonym of
 * an account ({@code rp1_…}); a group address names a role in a scope ({@code group:staff:DCY}), read by everybody whose
 * token holds that role and claim; a webhook address names a subscription and whom the delivery is about.
 */
public final class Address {

    private static final String GROUP = "group:";
    private static final String WEBHOOK = "webhook:";

    private Address() {
    }

    public static String staff(String community) {
        return GROUP + "staff:" + community;
    }

    public static String heads(String community) {
        return GROUP + "heads:" + community;
    }

    public static String residents(String community) {
        return GROUP + "residents:" + community;
    }

    public static String supervisors(String street) {
        return GROUP + "supervisors:" + street;
    }

    public static String inspectors(String street) {
        return GROUP + "inspectors:" + street;
    }

    public static String agency(String code) {
        return GROUP + "agency:" + code;
    }

    /** A delivery to subscription {@code subscriptionId} about {@code about} (a personal or group address). */
    public static String webhook(java.util.UUID subscriptionId, String about) {
        return WEBHOOK + subscriptionId + "/" + about;
    }

    public static boolean isPersonal(String address) {
        return address != null && address.startsWith("rp1_");
    }

    /** The agency code of an agency's group address; null for any other address. */
    public static String agencyOf(String address) {
        String prefix = GROUP + "agency:";
        return address != null && address.startsWith(prefix) ? address.substring(prefix.length()) : null;
    }

    /** The community of a residents' group address; null for any other address. */
    public static String residentsCommunity(String address) {
        String prefix = GROUP + "residents:";
        return address != null && address.startsWith(prefix) ? address.substring(prefix.length()) : null;
    }
}
