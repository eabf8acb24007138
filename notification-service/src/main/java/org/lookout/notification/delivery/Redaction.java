package org.lookout.notification.delivery;

/** What a failure's message may say in the delivery log: no email address, no phone number, one short line. */
final class Redaction {

    private static final int MAX = 240;

    private Redaction() {
    }

    static String of(String text) {
        if (text == null) {
            return null;
        }
        String line = text.replaceAll("\\s+", " ").strip()
                .replaceAll("[^\\s@<>\"']+@[^\\s@<>\"']+", "<address>")
                .replaceAll("\\+?[0-9][0-9 -]{5,}[0-9]", "<number>");
        return line.length() <= MAX ? line : line.substring(0, MAX) + "…";
    }
}
