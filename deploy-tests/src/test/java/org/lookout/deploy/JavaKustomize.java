package org.lookout.deploy;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The part of kustomize deploy/kubernetes uses, for a machine without kubectl (Debian has no package of it):
 * resources (files and directories), patches (strategic merge by file or inline, JSON 6902 inline with a target
 * kind/name), namespace, labels (pairs, includeTemplates) and images (name, newName, newTag), applied in kustomize's
 * order. Anything else fails here, naming the kustomization, so a new feature is never silently rendered wrong;
 * {@code KustomizeRenderersTest} holds this to {@code kubectl kustomize} wherever kubectl exists.
 */
final class JavaKustomize {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final Set<String> FIELDS = Set.of("apiVersion", "kind", "resources", "patches", "namespace",
            "labels", "images");
    /** Lists a strategic merge patch merges by their items' name (Kubernetes' patchMergeKey "name"). */
    private static final Set<String> MERGED_BY_NAME = Set.of("containers", "initContainers", "ephemeralContainers",
            "env", "volumes", "imagePullSecrets");
    /** Lists merged by another key, or as sets: not supported, a plain replacement would differ from kubectl. */
    private static final Set<String> MERGED_OTHERWISE = Set.of("ports", "volumeMounts", "volumeDevices",
            "topologySpreadConstraints", "hostAliases", "finalizers", "conditions", "resourceClaims");
    /** Built-in API groups, whose patches kustomize merges by the schema above (custom resources: by replacement). */
    private static final Set<String> BUILT_IN = Set.of("v1", "apps/v1", "batch/v1", "policy/v1", "autoscaling/v2",
            "networking.k8s.io/v1");
    /** Kinds whose pod template gets the labels with includeTemplates. */
    private static final Set<String> WORKLOADS = Set.of("Deployment", "ReplicaSet", "DaemonSet", "Job",
            "ReplicationController");
    /** Kinds kustomize's namespace or label transformers treat specially (cluster-scoped, subjects, claims). */
    private static final Set<String> UNSUPPORTED_KINDS = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
            "RoleBinding", "CustomResourceDefinition", "PersistentVolume", "StorageClass", "PriorityClass",
            "IngressClass", "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration", "APIService",
            "StatefulSet", "CronJob");

    private JavaKustomize() {
    }

    /** The rendering as multi-document YAML, like {@code kubectl kustomize <directory>}. */
    static String renderYaml(Path directory) {
        return render(directory).stream().map(SERIALIZATION::asYaml).collect(Collectors.joining("---\n"));
    }

    static List<Map<String, Object>> render(Path directory) {
        Path file = directory.resolve("kustomization.yaml");
        List<Map<String, Object>> documents = read(file);
        require(documents.size() == 1, file, "one document");
        Map<String, Object> kustomization = documents.get(0);
        for (String field : kustomization.keySet()) {
            require(FIELDS.contains(field), file, "a field this renderer knows, not " + field);
        }
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object resource : list(kustomization.get("resources"))) {
            require(resource instanceof String s && !s.contains("://"), file, "a local resource, not " + resource);
            Path path = directory.resolve((String) resource).normalize();
            objects.addAll(Files.isDirectory(path) ? render(path) : read(path));
        }
        for (Map<String, Object> object : objects) {
            require(!UNSUPPORTED_KINDS.contains(object.get("kind")), file, "no " + object.get("kind"));
        }
        for (Object patch : list(kustomization.get("patches"))) {
            patch(objects, map(patch, file), directory, file);
        }
        if (kustomization.get("namespace") instanceof String namespace) {
            objects.forEach(o -> child(o, "metadata").put("namespace", namespace));
        } else {
            require(kustomization.get("namespace") == null, file, "namespace as a string");
        }
        for (Object labels : list(kustomization.get("labels"))) {
            label(objects, map(labels, file), file);
        }
        for (Object image : list(kustomization.get("images"))) {
            Map<String, Object> rule = map(image, file);
            require(Set.of("name", "newName", "newTag").containsAll(rule.keySet()) && rule.get("name") != null,
                    file, "images with name, newName, newTag only, not " + rule.keySet());
            objects.forEach(o -> retag(o, rule));
        }
        return objects;
    }

    // patches

    private static void patch(List<Map<String, Object>> objects, Map<String, Object> entry, Path directory,
            Path file) {
        require(Set.of("path", "patch", "target").containsAll(entry.keySet())
                && (entry.get("path") == null) != (entry.get("patch") == null), file,
                "a patch with path or with patch (and a target), not " + entry.keySet());
        if (entry.get("path") instanceof String path) {
            require(entry.get("target") == null, file, "a patch file without a target");
            for (Map<String, Object> patch : read(directory.resolve(path))) {
                mergeInto(List.of(single(objects, patch, file)), patch, file);
            }
            return;
        }
        List<Map<String, Object>> targets = targets(objects, map(entry.get("target"), file), file);
        Object patch = parse((String) entry.get("patch"), Object.class);
        if (patch instanceof List<?> operations) {
            targets.forEach(t -> operations.forEach(op -> jsonPatch(t, map(op, file), file)));
        } else {
            mergeInto(targets, map(patch, file), file);
        }
    }

    private static Map<String, Object> single(List<Map<String, Object>> objects, Map<String, Object> patch,
            Path file) {
        Map<String, Object> metadata = map(patch.get("metadata"), file);
        require(metadata.get("namespace") == null, file, "patches without a namespace");
        List<Map<String, Object>> matches = objects.stream()
                .filter(o -> Objects.equals(o.get("apiVersion"), patch.get("apiVersion"))
                        && Objects.equals(o.get("kind"), patch.get("kind"))
                        && Objects.equals(child(o, "metadata").get("name"), metadata.get("name")))
                .toList();
        require(matches.size() == 1, file, "one object for the patch of " + patch.get("kind") + "/"
                + metadata.get("name") + ", not " + matches.size());
        return matches.get(0);
    }

    private static List<Map<String, Object>> targets(List<Map<String, Object>> objects, Map<String, Object> target,
            Path file) {
        require(Set.of("kind", "name").containsAll(target.keySet()) && target.get("kind") != null, file,
                "a patch target by kind and name only, not " + target.keySet());
        Object name = target.get("name");
        require(name == null || ((String) name).matches("[a-z0-9.-]+"), file, "a target name without a pattern");
        List<Map<String, Object>> matches = objects.stream()
                .filter(o -> o.get("kind").equals(target.get("kind")))
                .filter(o -> name == null || name.equals(child(o, "metadata").get("name")))
                .toList();
        require(!matches.isEmpty(), file, "an object for the patch target " + target);
        return matches;
    }

    private static void mergeInto(List<Map<String, Object>> targets, Map<String, Object> patch, Path file) {
        for (Map<String, Object> target : targets) {
            require(BUILT_IN.contains(target.get("apiVersion")), file,
                    "strategic merge patches of built-in kinds only, not " + target.get("apiVersion"));
            Map<String, Object> body = new LinkedHashMap<>(patch);
            body.keySet().removeAll(Set.of("apiVersion", "kind", "metadata"));
            Map<String, Object> metadata = new LinkedHashMap<>(map(patch.get("metadata"), file));
            metadata.keySet().removeAll(Set.of("name", "namespace"));
            merge(target, body, file);
            merge(child(target, "metadata"), metadata, file);
        }
    }

    /** Kubernetes' strategic merge: maps merge, null removes, the lists of MERGED_BY_NAME merge by name. */
    private static void merge(Map<String, Object> target, Map<String, Object> patch, Path file) {
        patch.forEach((key, value) -> {
            require(!key.startsWith("$"), file, "no patch directive " + key + " outside a named list");
            require(!(value instanceof List<?> && MERGED_OTHERWISE.contains(key)), file,
                    "no strategic merge of the list " + key);
            Object current = target.get(key);
            if (value == null) {
                target.remove(key);
            } else if (value instanceof Map<?, ?> && current instanceof Map<?, ?>) {
                merge(map(current, file), map(value, file), file);
            } else if (value instanceof List<?> items && current instanceof List<?> && MERGED_BY_NAME.contains(key)) {
                mergeByName(list(current), items, file);
            } else {
                Object created = value instanceof Map<?, ?> ? new LinkedHashMap<String, Object>() : null;
                if (created != null) {
                    merge(map(created, file), map(value, file), file);
                }
                target.put(key, created != null ? created : copy(value));
            }
        });
    }

    private static void mergeByName(List<Object> target, List<?> patch, Path file) {
        for (Object item : patch) {
            Map<String, Object> change = new LinkedHashMap<>(map(item, file));
            Object name = change.get("name");
            require(name != null, file, "a name on each item of a list merged by name");
            Map<String, Object> existing = target.stream().map(o -> map(o, file))
                    .filter(o -> name.equals(o.get("name"))).findFirst().orElse(null);
            Object directive = change.remove("$patch");
            if (directive != null) {
                require("delete".equals(directive) && change.size() == 1, file, "only $patch: delete, by name");
                target.remove(existing);
            } else if (existing != null) {
                merge(existing, change, file);
            } else {
                Map<String, Object> added = new LinkedHashMap<>();
                merge(added, change, file);
                target.add(added);
            }
        }
    }

    /** RFC 6902 add, replace and remove. */
    private static void jsonPatch(Map<String, Object> object, Map<String, Object> operation, Path file) {
        String op = (String) operation.get("op");
        require(Set.of("add", "replace", "remove").contains(op), file, "JSON patch add, replace, remove; not " + op);
        require(Set.of("op", "path", "value").containsAll(operation.keySet()), file, "op, path, value only");
        List<String> tokens = new ArrayList<>();
        for (String token : ((String) operation.get("path")).substring(1).split("/", -1)) {
            tokens.add(token.replace("~1", "/").replace("~0", "~"));
        }
        String last = tokens.remove(tokens.size() - 1);
        Object parent = object;
        for (String token : tokens) {
            parent = parent instanceof List<?> l ? l.get(Integer.parseInt(token)) : map(parent, file).get(token);
            require(parent != null, file, "an existing path " + operation.get("path"));
        }
        Object value = copy(operation.get("value"));
        if (parent instanceof List<?> items) {
            List<Object> list = list(items);
            int index = "-".equals(last) ? list.size() : Integer.parseInt(last);
            switch (op) {
                case "add" -> list.add(index, value);
                case "replace" -> list.set(index, value);
                default -> list.remove(index);
            }
        } else {
            Map<String, Object> map = map(parent, file);
            require(op.equals("add") || map.containsKey(last), file, "an existing path " + operation.get("path"));
            if (op.equals("remove")) {
                map.remove(last);
            } else {
                map.put(last, value);
            }
        }
    }

    // namespace, labels, images

    private static void label(List<Map<String, Object>> objects, Map<String, Object> labels, Path file) {
        require(Set.of("pairs", "includeTemplates", "includeSelectors").containsAll(labels.keySet())
                && !Boolean.TRUE.equals(labels.get("includeSelectors")), file,
                "labels with pairs and includeTemplates only, not " + labels.keySet());
        Map<String, Object> pairs = map(labels.get("pairs"), file);
        for (Map<String, Object> object : objects) {
            child(child(object, "metadata"), "labels").putAll(pairs);
            if (Boolean.TRUE.equals(labels.get("includeTemplates")) && WORKLOADS.contains(object.get("kind"))) {
                child(child(child(child(object, "spec"), "template"), "metadata"), "labels").putAll(pairs);
            }
        }
    }

    /** kustomize's image rule on every container and init container: name[:tag] matched by name. */
    private static void retag(Object node, Map<String, Object> rule) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if ((key.equals("containers") || key.equals("initContainers")) && value instanceof List<?> items) {
                    items.stream().filter(Map.class::isInstance).forEach(c -> retagContainer(map(c, null), rule));
                }
                retag(value, rule);
            });
        } else if (node instanceof List<?> items) {
            items.forEach(item -> retag(item, rule));
        }
    }

    private static void retagContainer(Map<String, Object> container, Map<String, Object> rule) {
        if (!(container.get("image") instanceof String image)) {
            return;
        }
        require(!image.contains("@"), null, "images without a digest, not " + image);
        int colon = image.lastIndexOf(':');
        boolean tagged = colon > image.lastIndexOf('/');
        String name = tagged ? image.substring(0, colon) : image;
        if (name.equals(rule.get("name"))) {
            String newName = (String) rule.getOrDefault("newName", name);
            Object tag = rule.getOrDefault("newTag", tagged ? image.substring(colon + 1) : null);
            container.put("image", tag == null ? newName : newName + ":" + tag);
        }
    }

    // YAML as maps and lists

    private static List<Map<String, Object>> read(Path file) {
        String yaml;
        try {
            yaml = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("kustomization resource " + file, e);
        }
        List<Map<String, Object>> documents = new ArrayList<>();
        for (String document : yaml.split("(?m)^---\\s*$")) {
            if (!document.lines().allMatch(line -> line.isBlank() || line.stripLeading().startsWith("#"))) {
                documents.add(map(parse(document, Object.class), file));
            }
        }
        return documents;
    }

    static <T> T parse(String yaml, Class<T> type) {
        return SERIALIZATION.unmarshal(yaml, type);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, Path file) {
        require(value instanceof Map<?, ?>, file, "a mapping, not " + value);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return value == null ? List.of() : (List<Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> child(Map<String, Object> parent, String key) {
        return (Map<String, Object>) parent.computeIfAbsent(key, k -> new LinkedHashMap<String, Object>());
    }

    private static Object copy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k, copy(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return new ArrayList<>(list.stream().map(JavaKustomize::copy).toList());
        }
        return value;
    }

    private static void require(boolean supported, Path file, String expected) {
        if (!supported) {
            throw new UnsupportedOperationException("the Java kustomize renderer (no kubectl here) supports "
                    + expected + (file == null ? "" : " (" + file + ")")
                    + "; install kubectl or extend deploy-tests' JavaKustomize");
        }
    }
}
