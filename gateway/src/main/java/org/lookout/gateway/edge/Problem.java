package org.lookout.gateway.edge;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/**
 * An RFC 9457 problem the gateway answers itself. {@code instance} is the request path without its query
 * (a query may carry a tracking secret); {@code requestId} lets a caller quote the failure to an operator.
 */
public record Problem(int status, String slug, String title, String detail, String instance, String requestId) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://lookout.org/problems/";

    public Buffer toJson() {
        JsonObject json = new JsonObject()
                .put("type", TYPE_BASE + slug)
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .put("instance", instance);
        if (requestId != null) {
            json.put("requestId", requestId);
        }
        return json.toBuffer();
    }
}
