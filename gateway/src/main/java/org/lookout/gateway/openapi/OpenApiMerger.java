package org.lookout.gateway.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.lookout.gateway.routing.GatewayRoute;
import org.lookout.gateway.routing.RouteTable;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Merges the services' OpenAPI documents into the one the gateway serves: each path only if the gateway routes it to
 * the service that documents it; every component kept. When two services define a component under one name with
 * different content, the first service (by name) keeps the name and the later one's component becomes
 * {@code <service>.<name>}, with every {@code $ref} to it in that service's paths and components rewritten, so each
 * path is described by its own service's shapes. Renames and disagreements are listed under {@code x-lookout-gateway}.
 */
final class OpenApiMerger {

    private static final String COMPONENTS_PREFIX = "#/components/";
    /** The gateway declares its own scheme (a bearer JWT); the services' schemes describe the same token. */
    private static final String SECURITY_SCHEMES = "securitySchemes";

    private final RouteTable routes;

    OpenApiMerger(RouteTable routes) {
        this.routes = routes;
    }

    /** @param documents by upstream name; merged in name order so the result does not depend on fetch order */
    JsonObject merge(Map<String, JsonObject> documents, List<String> unavailable) {
        JsonObject paths = new JsonObject();
        Map<String, JsonObject> components = new TreeMap<>();
        List<String> unrouted = new ArrayList<>();
        List<String> renamedComponents = new ArrayList<>();
        new TreeMap<>(documents).forEach((upstream, document) -> {
            JsonObject own = document.getJsonObject("components", new JsonObject());
            Map<String, String> renames = renamesAgainst(components, upstream, own);
            renames.forEach((from, to) -> renamedComponents.add(upstream + " " + from + " -> " + to));

            JsonObject rewritten = (JsonObject) rewriteRefs(own, renames);
            rewritten.forEach(section -> {
                if (section.getKey().equals(SECURITY_SCHEMES) || !(section.getValue() instanceof JsonObject entries)) {
                    return;
                }
                JsonObject merged = components.computeIfAbsent(section.getKey(), k -> new JsonObject());
                entries.forEach(entry -> {
                    String ref = COMPONENTS_PREFIX + section.getKey() + "/" + entry.getKey();
                    String name = renames.containsKey(ref) ? lastSegment(renames.get(ref)) : entry.getKey();
                    merged.put(name, entry.getValue());
                });
            });

            JsonObject ownPaths = (JsonObject) rewriteRefs(document.getJsonObject("paths", new JsonObject()), renames);
            ownPaths.forEach(entry -> {
                Optional<GatewayRoute> route = routes.match(entry.getKey());
                if (route.isPresent() && route.get().upstream().equals(upstream)) {
                    paths.put(entry.getKey(), entry.getValue());
                } else {
                    unrouted.add(upstream + " " + entry.getKey());
                }
            });
        });

        JsonObject mergedComponents = new JsonObject();
        components.forEach((section, entries) -> mergedComponents.put(section, sorted(entries)));
        mergedComponents.put(SECURITY_SCHEMES, new JsonObject().put("bearer", new JsonObject()
                .put("type", "http").put("scheme", "bearer").put("bearerFormat", "JWT")));

        return new JsonObject()
                .put("openapi", "3.1.0")
                .put("info", new JsonObject().put("title", "Lookout API").put("version", "1")
                        .put("description", "Every Lookout service's API as the gateway exposes it."))
                .put("servers", new JsonArray().add(new JsonObject().put("url", "/")))
                .put("security", new JsonArray().add(new JsonObject().put("bearer", new JsonArray())))
                .put("paths", sorted(paths))
                .put("components", mergedComponents)
                .put("x-lookout-gateway", new JsonObject()
                        .put("unroutedPaths", new JsonArray(unrouted.stream().sorted().toList()))
                        .put("unservedPrefixes", new JsonArray(unservedPrefixes(documents)))
                        .put("unavailableUpstreams", new JsonArray(unavailable.stream().sorted().toList()))
                        .put("renamedComponents", new JsonArray(renamedComponents.stream().sorted().toList())));
    }

    /**
     * The service's components that must be renamed: those whose name is taken by different content. Repeated until
     * nothing changes, since renaming one component changes the content of every component that refers to it.
     */
    private static Map<String, String> renamesAgainst(Map<String, JsonObject> merged, String upstream, JsonObject own) {
        Map<String, String> renames = new TreeMap<>();
        boolean changed = true;
        while (changed) {
            changed = false;
            JsonObject rewritten = (JsonObject) rewriteRefs(own, renames);
            for (String section : rewritten.fieldNames()) {
                if (section.equals(SECURITY_SCHEMES) || !(rewritten.getValue(section) instanceof JsonObject entries)) {
                    continue;
                }
                JsonObject taken = merged.getOrDefault(section, new JsonObject());
                for (String name : entries.fieldNames()) {
                    String ref = COMPONENTS_PREFIX + section + "/" + name;
                    Object known = taken.getValue(name);
                    if (!renames.containsKey(ref) && known != null && !known.equals(entries.getValue(name))) {
                        renames.put(ref, COMPONENTS_PREFIX + section + "/" + freeName(taken, entries, upstream + "." + name));
                        changed = true;
                    }
                }
            }
        }
        return renames;
    }

    private static String freeName(JsonObject taken, JsonObject own, String wanted) {
        String name = wanted;
        for (int n = 2; taken.containsKey(name) || own.containsKey(name); n++) {
            name = wanted + "-" + n;
        }
        return name;
    }

    /** A copy with every {@code $ref} (and discriminator mapping) to a renamed component pointing at its new name. */
    private static Object rewriteRefs(Object node, Map<String, String> renames) {
        return rewriteRefs(node, renames, false);
    }

    private static Object rewriteRefs(Object node, Map<String, String> renames, boolean valuesAreRefs) {
        if (node instanceof JsonObject object) {
            JsonObject copy = new JsonObject();
            object.forEach(entry -> {
                boolean reference = valuesAreRefs || entry.getKey().equals("$ref");
                copy.put(entry.getKey(), reference && entry.getValue() instanceof String ref ? renamed(ref, renames)
                        : rewriteRefs(entry.getValue(), renames, entry.getKey().equals("mapping")));
            });
            return copy;
        }
        if (node instanceof JsonArray array) {
            JsonArray copy = new JsonArray();
            array.forEach(item -> copy.add(rewriteRefs(item, renames, false)));
            return copy;
        }
        return node;
    }

    private static String renamed(String ref, Map<String, String> renames) {
        if (renames.isEmpty() || !ref.startsWith(COMPONENTS_PREFIX)) {
            return ref;
        }
        String target = renames.get(ref);
        if (target != null) {
            return target;
        }
        // a pointer into a renamed component, e.g. #/components/schemas/NoteView/properties/author
        for (Map.Entry<String, String> rename : renames.entrySet()) {
            if (ref.startsWith(rename.getKey() + "/")) {
                return rename.getValue() + ref.substring(rename.getKey().length());
            }
        }
        return ref;
    }

    private List<String> unservedPrefixes(Map<String, JsonObject> documents) {
        List<String> unserved = new ArrayList<>();
        for (GatewayRoute route : routes.routes()) {
            JsonObject document = documents.get(route.upstream());
            if (document == null) {
                continue;
            }
            for (String prefix : route.paths()) {
                boolean served = document.getJsonObject("paths", new JsonObject()).fieldNames().stream()
                        .anyMatch(path -> RouteTable.covers(prefix, path));
                if (!served) {
                    unserved.add(route.name() + " " + prefix);
                }
            }
        }
        return unserved.stream().sorted().toList();
    }

    private static String lastSegment(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    private static JsonObject sorted(JsonObject object) {
        return new JsonObject(new TreeMap<>(object.getMap()));
    }
}
