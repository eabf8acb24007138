package org.lookout.complaint.open311;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.lookout.problem.ProblemException;

/**
 * Open311's POST requests, read from its form: the fields carry Open311's names ({@code lat}, {@code long},
 * {@code attribute[CODE]}), and so do the errors naming them. The shape is checked here; whether the service, its
 * answers and the place fit is the service's to say.
 */
public record SubmitServiceRequestRequest(
        String apiKey,
        String jurisdictionId,
        String serviceCode,
        Double latitude,
        Double longitude,
        String addressString,
        String addressId,
        Map<String, List<String>> attributes,
        String email,
        String deviceId,
        String accountId,
        String firstName,
        String lastName,
        String phone,
        String description,
        String mediaUrl) {

    /** The spec's limit of a description. */
    static final int DESCRIPTION_LENGTH = 4000;
    static final int ANSWER_LENGTH = 1000;

    static SubmitServiceRequestRequest from(Open311Form form) {
        Optional<Double> latitude = form.single("lat").map(value -> coordinate("lat", value, 90));
        Optional<Double> longitude = form.single("long").map(value -> coordinate("long", value, 180));
        if (latitude.isPresent() != longitude.isPresent()) {
            throw ProblemException.badRequest(latitude.isPresent() ? "long" : "lat", "lat and long are sent together");
        }
        Optional<String> addressString = form.single("address_string").map(text -> limited("address_string", text, 300));
        Optional<String> addressId = form.single("address_id").map(text -> limited("address_id", text, 100));
        if (latitude.isEmpty() && addressString.isEmpty() && addressId.isEmpty()) {
            throw ProblemException.badRequest("lat", "a location is required: lat and long, address_string or address_id");
        }
        Map<String, List<String>> attributes = form.attributes();
        attributes.forEach((code, values) -> {
            if (values.size() > 50 || values.stream().anyMatch(value -> value.length() > ANSWER_LENGTH)) {
                throw ProblemException.badRequest("attribute[" + code + "]",
                        "holds at most 50 values of at most " + ANSWER_LENGTH + " characters");
            }
        });
        return new SubmitServiceRequestRequest(
                form.single("api_key").orElse(null),
                form.single("jurisdiction_id").orElse(null),
                form.single("service_code").orElse(null),
                latitude.orElse(null), longitude.orElse(null), addressString.orElse(null), addressId.orElse(null),
                attributes,
                form.single("email").map(SubmitServiceRequestRequest::email).orElse(null),
                form.single("device_id").map(text -> limited("device_id", text, 100)).orElse(null),
                form.single("account_id").map(text -> limited("account_id", text, 100)).orElse(null),
                form.single("first_name").map(text -> limited("first_name", text, 50)).orElse(null),
                form.single("last_name").map(text -> limited("last_name", text, 50)).orElse(null),
                form.single("phone").map(SubmitServiceRequestRequest::phone).orElse(null),
                form.single("description").map(text -> limited("description", text, DESCRIPTION_LENGTH)).orElse(null),
                form.single("media_url").map(SubmitServiceRequestRequest::mediaUrl).orElse(null));
    }

    /** The person's name as one, or null when neither part was sent. */
    String reporterName() {
        String name = String.join(" ", java.util.stream.Stream.of(firstName, lastName)
                .filter(java.util.Objects::nonNull).toList());
        return name.isEmpty() ? null : name;
    }

    private static double coordinate(String field, String text, double bound) {
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(field, "must be a number (WGS84 degrees)");
        }
        if (!Double.isFinite(value) || Math.abs(value) > bound) {
            throw ProblemException.badRequest(field, "must be between -" + (int) bound + " and " + (int) bound);
        }
        return value;
    }

    private static String limited(String field, String text, int length) {
        if (text.length() > length) {
            throw ProblemException.badRequest(field, "must be at most " + length + " characters");
        }
        return text;
    }

    private static String email(String text) {
        limited("email", text, 254);
        if (!text.matches("[^@\\s]+@[^@\\s]+")) {
            throw ProblemException.badRequest("email", "must be an email address");
        }
        return text;
    }

    /** Digits, with + and - kept; spaces, dots and brackets (+1 (555) 555-5555) dropped. */
    private static String phone(String text) {
        String digits = text.replaceAll("[\\s().]", "");
        if (!digits.matches("[0-9+-]{1,20}")) {
            throw ProblemException.badRequest("phone", "must be a phone number of at most 20 digits");
        }
        return digits;
    }

    private static String mediaUrl(String text) {
        limited("media_url", text, 1000);
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw ProblemException.badRequest("media_url", "must be an http or https URL");
            }
            return text;
        } catch (URISyntaxException e) {
            throw ProblemException.badRequest("media_url", "must be an http or https URL");
        }
    }
}
