package org.lookout.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/** The caller of the current request, read from the verified token. */
@RequestScoped
public class CurrentCaller {

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    CurrentCaller(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    public Caller get() {
        return of(token, identity.getRoles());
    }

    public String subject() {
        return token.getSubject();
    }

    /** The caller a verified token describes; claims may be a string or, for {@code street}, a list of strings. */
    static Caller of(JsonWebToken token, Set<String> roles) {
        Set<String> attributes = new LinkedHashSet<>();
        for (String attribute : new String[] { Caller.INFORMATION_OFFICER, Caller.COMMUNITY_HEAD }) {
            if (isTrue(token.getClaim(attribute))) {
                attributes.add(attribute);
            }
        }
        return new Caller(token.getSubject(), roles, single(token, "community"), several(token, "street"),
                single(token, "agency"), attributes);
    }

    private static Optional<String> single(JsonWebToken token, String name) {
        return several(token, name).stream().findFirst();
    }

    private static Set<String> several(JsonWebToken token, String name) {
        Object value = token.getClaim(name);
        Set<String> values = new LinkedHashSet<>();
        if (value instanceof Collection<?> many) {
            many.forEach(one -> add(values, one));
        } else if (value instanceof jakarta.json.JsonArray array) {
            array.forEach(one -> add(values, one instanceof jakarta.json.JsonString text ? text.getString() : one));
        } else {
            add(values, value);
        }
        return values;
    }

    private static void add(Set<String> values, Object value) {
        if (value != null) {
            String text = value instanceof jakarta.json.JsonString json ? json.getString() : value.toString();
            // a single value may also be written "A,B" by a Keycloak user attribute mapper
            for (String part : text.split(",")) {
                if (!part.isBlank()) {
                    values.add(part.strip());
                }
            }
        }
    }

    private static boolean isTrue(Object claim) {
        if (claim instanceof Boolean flag) {
            return flag;
        }
        if (claim instanceof jakarta.json.JsonValue json) {
            return json == jakarta.json.JsonValue.TRUE
                    || json instanceof jakarta.json.JsonString text && "true".equalsIgnoreCase(text.getString());
        }
        return claim != null && "true".equalsIgnoreCase(claim.toString());
    }
}
