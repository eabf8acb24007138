package org.lookout.gateway.dashboard;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/** The dashboard's own links, every value encoded. */
final class DashboardLinks {

    static final String BASE = "/dashboard";

    private DashboardLinks() {
    }

    static String overview(String month, String community) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("month", month);
        query.put("community", community);
        return BASE + query(query);
    }

    static String worklist(String community, String category, String month, boolean breached) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("community", community);
        query.put("category", category);
        query.put("month", month);
        query.put("breached", breached ? "true" : null);
        return BASE + "/worklist" + query(query);
    }

    static String report(String id) {
        return BASE + "/reports/" + encode(id);
    }

    /** {@code ?a=1&b=2} of the entries with a value; "" when none has one. */
    static String query(Map<String, String> parameters) {
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        parameters.forEach((name, value) -> {
            if (value != null) {
                query.add(encode(name) + "=" + encode(value));
            }
        });
        return query.toString();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
