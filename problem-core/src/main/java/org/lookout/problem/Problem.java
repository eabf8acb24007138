package org.lookout.problem;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * An RFC 9457 problem details document, the one shape of every error of the gateway and every service. {@code type}
 * is {@code urn:lookout:problem:<slug>} (the slugs are listed in {@link ProblemType}); {@code errors} names each field
 * at fault, as a JSON path into what the caller sent (for example {@code location.latitude} or {@code items[2].code});
 * further extension members (e.g. {@code from}, {@code action}, {@code allowed} of an illegal transition) are written
 * beside the standard ones.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({ "type", "title", "status", "detail", "instance", "requestId", "errors" })
public record Problem(URI type, String title, int status, String detail, String instance, String requestId,
        List<FieldError> errors, @JsonIgnore Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public record FieldError(String field, String message) {
    }

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
        extensions = extensions == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    }

    /** @deprecated build with {@link #of(ProblemType)}, which sets the type URI */
    @Deprecated(forRemoval = true)
    public Problem(URI type, String title, int status, String detail, String instance, String requestId,
            List<FieldError> errors) {
        this(type, title, status, detail, instance, requestId, errors, Map.of());
    }

    /** The extension members, written as top-level members of the document. */
    @JsonAnyGetter
    public Map<String, Object> extensionMembers() {
        return extensions;
    }

    public static Builder of(ProblemType type) {
        return new Builder(type);
    }

    /** Builds a problem of one {@link ProblemType}; its status and title are the type's unless set. */
    public static final class Builder {

        private final ProblemType type;
        private int status;
        private String title;
        private String detail;
        private String instance;
        private String requestId;
        private List<FieldError> errors = List.of();
        private final Map<String, Object> extensions = new LinkedHashMap<>();

        private Builder(ProblemType type) {
            this.type = Objects.requireNonNull(type, "type");
            this.status = type.status();
            this.title = type.title();
        }

        public Builder status(int status) {
            this.status = status;
            return this;
        }

        public Builder title(String title) {
            this.title = title;
            return this;
        }

        public Builder detail(String detail) {
            this.detail = detail;
            return this;
        }

        public Builder instance(String instance) {
            this.instance = instance;
            return this;
        }

        public Builder requestId(String requestId) {
            this.requestId = requestId;
            return this;
        }

        public Builder errors(List<FieldError> errors) {
            this.errors = List.copyOf(errors);
            return this;
        }

        /** An extension member; a name of the standard members is refused. */
        public Builder with(String name, Object value) {
            if (List.of("type", "title", "status", "detail", "instance", "requestId", "errors").contains(name)) {
                throw new IllegalArgumentException(name + " is a standard member, not an extension");
            }
            if (value != null) {
                extensions.put(name, value);
            }
            return this;
        }

        public Problem build() {
            return new Problem(type.uri(), title, status, detail, instance, requestId, errors, extensions);
        }
    }
}
