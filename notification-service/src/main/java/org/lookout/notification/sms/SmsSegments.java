package org.lookout.notification.sms;

/**
 * How many SMS segments a text takes, as a phone network counts them. Text of the GSM 7-bit alphabet: 160 characters in
 * one segment, 153 in each of several (the extension characters {@code ^{}\[~]|€} take two). Anything else (Chinese) is
 * sent in UCS-2: 70 characters in one segment, 67 in each of several, counted by code point — a character outside the
 * Basic Multilingual Plane (an emoji) takes two, as in UTF-16, and is never split between segments.
 */
public record SmsSegments(String encoding, int segments, int units) {

    public static final String GSM = "GSM-7";
    public static final String UCS2 = "UCS-2";

    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM_EXTENSION = "^{}\\[~]|€\f";

    public static SmsSegments of(String text) {
        if (isGsm(text)) {
            int units = 0;
            for (int i = 0; i < text.length(); i++) {
                units += GSM_EXTENSION.indexOf(text.charAt(i)) >= 0 ? 2 : 1;
            }
            return new SmsSegments(GSM, count(units, 160, 153), units);
        }
        int units = text.codePoints().map(Character::charCount).sum();
        return new SmsSegments(UCS2, count(units, 70, 67), units);
    }

    /**
     * The longest start of {@code text} that fits {@code maxSegments}, ending in an ellipsis when it was cut; never splits
     * a character.
     */
    public static String fit(String text, int maxSegments) {
        if (of(text).segments() <= maxSegments) {
            return text;
        }
        String ellipsis = "…";
        int[] codePoints = text.codePoints().toArray();
        int low = 0;
        int high = codePoints.length;
        while (low < high) {
            int middle = (low + high + 1) / 2;
            String candidate = new String(codePoints, 0, middle) + ellipsis;
            if (of(candidate).segments() <= maxSegments) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return new String(codePoints, 0, low) + ellipsis;
    }

    private static int count(int units, int single, int multi) {
        if (units == 0) {
            return 1;
        }
        return units <= single ? 1 : (units + multi - 1) / multi;
    }

    private static boolean isGsm(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (GSM_BASIC.indexOf(c) < 0 && GSM_EXTENSION.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }
}
