package org.lookout.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rendered objects held to the services they run: each service of deploy/services.tsv has a Deployment, a
 * Service, a PodDisruptionBudget and a HorizontalPodAutoscaler; its image, ports and probes are the service's; every
 * environment variable its configuration needs in a cluster is set, secret material only from the Secrets of
 * secrets.tsv, and nothing it does not read; no Secret carries a value; only the gateway is behind the Ingress.
 */
final class Manifests {

    /** Environment variables the runtime reads, not the application's configuration files. */
    private static final Set<String> RUNTIME_VARIABLES = Set.of("JAVA_OPTS_APPEND", "MALLOC_ARENA_MAX",
            "QUARKUS_HTTP_PORT");
    private static final Map<String, String> PROBES = Map.of("startup", "/q/health/started", "liveness",
            "/q/health/live", "readiness", "/q/health/ready");
    private static final Pattern EXPANSION = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");
    private static final Pattern MEGABYTES = Pattern.compile("-XX:(?:MaxMetaspaceSize|ReservedCodeCacheSize|"
            + "MaxDirectMemorySize)=(\\d+)m|-Xmx(\\d+)m");

    /** A Secret key that secrets.tsv lists: secret, key, whether references to it are optional. */
    record SecretKey(String secret, String key, boolean optional) {
    }

    private final List<HasMetadata> objects;
    private final List<String> violations = new ArrayList<>();

    private Manifests(List<HasMetadata> objects) {
        this.objects = objects;
    }

    static String id(HasMetadata object) {
        return object.getKind() + "/" + (object.getMetadata() == null ? "?" : object.getMetadata().getName());
    }

    static List<SecretKey> secretKeys() {
        return Repository.rows(Repository.kubernetes().resolve("base/secrets.tsv")).stream()
                .map(f -> new SecretKey(f[0], f[1], f[2].equals("yes")))
                .toList();
    }

    /** Every violation of the rules above, each naming the object and what is wrong. */
    static List<String> violations(List<HasMetadata> objects) {
        Manifests manifests = new Manifests(objects);
        manifests.check();
        return manifests.violations;
    }

    private void check() {
        Map<String, List<String>> jvmOptions = Repository.jvmOptions();
        Set<String> usedSecretKeys = new HashSet<>();
        Set<String> images = new LinkedHashSet<>();
        for (Repository.ServiceRow row : Repository.services()) {
            ServiceConfig config = ServiceConfig.read(row.module());
            if (config.httpPort() != row.port() || config.managementPort() != row.port() + 1000) {
                violations.add(row.module() + ": application.properties has ports " + config.httpPort() + "/"
                        + config.managementPort() + ", services.tsv " + row.port() + " (management + 1000)");
            }
            Optional<Deployment> deployment = find(Deployment.class, row.module());
            if (deployment.isEmpty()) {
                violations.add(row.module() + ": no Deployment");
                continue;
            }
            List<Container> containers = deployment.get().getSpec().getTemplate().getSpec().getContainers();
            Container container = containers.get(0);
            String at = id(deployment.get()) + " container " + container.getName();
            images.add(image(container.getImage(), row.module(), at));
            ports(container, config, at);
            probes(container, config, at);
            environment(container, config, at, usedSecretKeys);
            sizing(container, jvmOptions.get(row.part()), at);
            companions(deployment.get(), row.module());
        }
        if (images.size() > 1) {
            violations.add("the services' images come from different registries or tags: " + images);
        }
        for (SecretKey key : secretKeys()) {
            if (!usedSecretKeys.contains(key.secret() + "/" + key.key())) {
                violations.add("secrets.tsv lists " + key.secret() + "/" + key.key() + ", which nothing references");
            }
        }
        services();
        ingress();
        networkPolicies();
        for (Secret secret : all(Secret.class)) {
            if (secret.getData() != null && !secret.getData().isEmpty()
                    || secret.getStringData() != null && !secret.getStringData().isEmpty()) {
                violations.add(id(secret) + ": a Secret with values is committed (secrets.tsv names it instead)");
            }
        }
    }

    /** registry/lookout/module:tag; returns registry and tag, which every service must share. */
    private String image(String image, String module, String at) {
        Matcher m = Pattern.compile("^(.*/)?lookout/([a-z0-9-]+):([A-Za-z0-9_.-]+)$").matcher(image);
        if (!m.matches() || !m.group(2).equals(module)) {
            violations.add(at + ": image " + image + " is not [registry/]lookout/" + module + ":<tag>");
            return image;
        }
        return Objects.requireNonNullElse(m.group(1), "") + "lookout/*:" + m.group(3);
    }

    private void ports(Container container, ServiceConfig config, String at) {
        Map<String, Integer> ports = new TreeMap<>();
        for (ContainerPort port : list(container.getPorts())) {
            ports.put(String.valueOf(port.getName()), port.getContainerPort());
        }
        Map<String, Integer> expected = Map.of("http", config.httpPort(), "management", config.managementPort());
        if (!ports.equals(new TreeMap<>(expected))) {
            violations.add(at + ": container ports " + ports + ", the service listens on " + new TreeMap<>(expected));
        }
    }

    private void probes(Container container, ServiceConfig config, String at) {
        Map<String, Probe> probes = new HashMap<>();
        probes.put("startup", container.getStartupProbe());
        probes.put("liveness", container.getLivenessProbe());
        probes.put("readiness", container.getReadinessProbe());
        probes.forEach((kind, probe) -> {
            if (probe == null || probe.getHttpGet() == null) {
                violations.add(at + ": no " + kind + " probe (httpGet " + PROBES.get(kind) + ")");
                return;
            }
            if (!PROBES.get(kind).equals(probe.getHttpGet().getPath())) {
                violations.add(at + ": " + kind + " probe on " + probe.getHttpGet().getPath() + ", not "
                        + PROBES.get(kind));
            }
            Integer port = portNumber(container, probe.getHttpGet().getPort());
            if (!Objects.equals(port, config.managementPort())) {
                violations.add(at + ": " + kind + " probe on port " + portText(probe.getHttpGet().getPort())
                        + ", not the management port " + config.managementPort());
            }
        });
    }

    private void environment(Container container, ServiceConfig config, String at, Set<String> usedSecretKeys) {
        Map<String, String> literals = new HashMap<>();
        Set<String> defined = new LinkedHashSet<>();
        for (EnvFromSource from : list(container.getEnvFrom())) {
            if (from.getConfigMapRef() == null) {
                violations.add(at + ": envFrom other than a ConfigMap (a Secret's keys would be unchecked)");
                continue;
            }
            Optional<ConfigMap> map = find(ConfigMap.class, from.getConfigMapRef().getName());
            if (map.isEmpty()) {
                violations.add(at + ": envFrom ConfigMap " + from.getConfigMapRef().getName() + " does not exist");
            } else {
                defined.addAll(map.get().getData().keySet());
                literals.putAll(map.get().getData());
            }
        }
        List<SecretKey> secretKeys = secretKeys();
        for (EnvVar env : list(container.getEnv())) {
            String name = env.getName();
            if (!config.variables().containsKey(name) && !RUNTIME_VARIABLES.contains(name)) {
                violations.add(at + ": sets " + name + ", which " + config.module() + " does not read");
            }
            var secret = env.getValueFrom() == null ? null : env.getValueFrom().getSecretKeyRef();
            var configMapKey = env.getValueFrom() == null ? null : env.getValueFrom().getConfigMapKeyRef();
            if (ServiceConfig.secretName(name) && secret == null) {
                violations.add(at + ": " + name + " is secret material: it must come from a secretKeyRef");
            }
            if (secret != null) {
                Optional<SecretKey> listed = secretKeys.stream()
                        .filter(k -> k.secret().equals(secret.getName()) && k.key().equals(secret.getKey())).findFirst();
                if (listed.isEmpty()) {
                    violations.add(at + ": " + name + " refers to Secret " + secret.getName() + " key "
                            + secret.getKey() + ", which secrets.tsv does not list");
                } else {
                    usedSecretKeys.add(secret.getName() + "/" + secret.getKey());
                    if (listed.get().optional() != Boolean.TRUE.equals(secret.getOptional())) {
                        violations.add(at + ": " + name + ": optional must be " + listed.get().optional()
                                + " as secrets.tsv says");
                    }
                }
            }
            if (configMapKey != null) {
                Optional<ConfigMap> map = find(ConfigMap.class, configMapKey.getName());
                if (map.isEmpty() || map.get().getData() == null
                        || !map.get().getData().containsKey(configMapKey.getKey())) {
                    violations.add(at + ": " + name + " refers to ConfigMap " + configMapKey.getName() + " key "
                            + configMapKey.getKey() + ", which does not exist");
                } else {
                    literals.put(name, map.get().getData().get(configMapKey.getKey()));
                }
            }
            if (env.getValue() != null) {
                Matcher expansion = EXPANSION.matcher(env.getValue());
                while (expansion.find()) {
                    if (!defined.contains(expansion.group(1))) {
                        violations.add(at + ": " + name + " expands $(" + expansion.group(1)
                                + "), which is not defined before it");
                    }
                }
                literals.put(name, env.getValue());
            }
            defined.add(name);
        }
        for (String variable : config.variables().keySet()) {
            if (config.required(variable) && !defined.contains(variable)) {
                violations.add(at + ": " + config.module() + " reads " + variable + " (default "
                        + config.variables().get(variable).orElse("none") + "), which the Deployment does not set");
            }
        }
        literals.forEach((name, value) -> serviceUrl(value, at + ": " + name));
    }

    /** A URL naming one of our Services must use one of its ports. */
    private void serviceUrl(String value, String at) {
        Matcher url = Pattern.compile("^https?://([a-z0-9-]+):(\\d+)(/.*)?$").matcher(value.strip());
        if (!url.matches()) {
            return;
        }
        find(Service.class, url.group(1)).ifPresent(service -> {
            boolean hasPort = list(service.getSpec().getPorts()).stream()
                    .anyMatch(p -> p.getPort() == Integer.parseInt(url.group(2)));
            if (!hasPort) {
                violations.add(at + " names " + value + ", but Service " + url.group(1) + " has no port "
                        + url.group(2));
            }
        });
    }

    /** The memory limit holds what the JVM may take (heap, metaspace, code cache, direct memory) and the options
     * are the ones of deploy/local/jvm-options.tsv. */
    private void sizing(Container container, List<String> options, String at) {
        String javaOptions = list(container.getEnv()).stream().filter(e -> e.getName().equals("JAVA_OPTS_APPEND"))
                .map(EnvVar::getValue).filter(Objects::nonNull).findFirst().orElse("");
        List<String> given = List.of(javaOptions.trim().split("\\s+"));
        if (options == null || !given.containsAll(options)) {
            violations.add(at + ": JAVA_OPTS_APPEND lacks the options of jvm-options.tsv " + options);
        }
        var resources = container.getResources();
        Quantity limit = resources == null || resources.getLimits() == null ? null : resources.getLimits().get("memory");
        Quantity request = resources == null || resources.getRequests() == null ? null
                : resources.getRequests().get("memory");
        if (limit == null || request == null || resources.getRequests().get("cpu") == null) {
            violations.add(at + ": needs requests (cpu, memory) and a memory limit");
            return;
        }
        long megabytes = 0;
        Matcher m = MEGABYTES.matcher(javaOptions);
        while (m.find()) {
            megabytes += Long.parseLong(m.group(1) != null ? m.group(1) : m.group(2));
        }
        BigDecimal needed = BigDecimal.valueOf(megabytes * 1024 * 1024);
        if (Quantity.getAmountInBytes(limit).compareTo(needed) < 0) {
            violations.add(at + ": memory limit " + limit + " is below the JVM's own bounds (" + megabytes + " MiB)");
        }
        if (Quantity.getAmountInBytes(request).compareTo(Quantity.getAmountInBytes(limit)) > 0) {
            violations.add(at + ": memory request above its limit");
        }
    }

    /** Each Deployment has its Service, PodDisruptionBudget and HorizontalPodAutoscaler. */
    private void companions(Deployment deployment, String module) {
        Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        boolean pdb = all(PodDisruptionBudget.class).stream().anyMatch(p -> p.getSpec().getSelector() != null
                && labels.entrySet().containsAll(p.getSpec().getSelector().getMatchLabels().entrySet()));
        boolean hpa = all(HorizontalPodAutoscaler.class).stream()
                .anyMatch(h -> "Deployment".equals(h.getSpec().getScaleTargetRef().getKind())
                        && module.equals(h.getSpec().getScaleTargetRef().getName()));
        boolean service = find(Service.class, module).isPresent();
        if (!pdb || !hpa || !service) {
            violations.add(id(deployment) + ": needs a Service, a PodDisruptionBudget and a HorizontalPodAutoscaler"
                    + " (has: service " + service + ", pdb " + pdb + ", hpa " + hpa + ")");
        }
        if (deployment.getSpec().getReplicas() != null && hpa) {
            violations.add(id(deployment) + ": sets replicas, which its HorizontalPodAutoscaler owns");
        }
    }

    /** Every Service selects exactly one Deployment's pods, on ports its container has; none is exposed itself. */
    private void services() {
        for (Service service : all(Service.class)) {
            Map<String, String> selector = service.getSpec().getSelector();
            List<Deployment> selected = all(Deployment.class).stream()
                    .filter(d -> selector != null && !selector.isEmpty() && d.getSpec().getTemplate().getMetadata()
                            .getLabels().entrySet().containsAll(selector.entrySet()))
                    .toList();
            if (selected.size() != 1) {
                violations.add(id(service) + ": selects " + selected.size() + " Deployments, not one");
                continue;
            }
            Container container = selected.get(0).getSpec().getTemplate().getSpec().getContainers().get(0);
            for (ServicePort port : list(service.getSpec().getPorts())) {
                IntOrString target = port.getTargetPort() == null ? new IntOrString(port.getPort()) : port.getTargetPort();
                if (portNumber(container, target) == null) {
                    violations.add(id(service) + ": port " + port.getName() + " targets " + portText(target)
                            + ", which the container does not have");
                }
            }
            String type = Objects.requireNonNullElse(service.getSpec().getType(), "ClusterIP");
            if (!type.equals("ClusterIP")) {
                violations.add(id(service) + ": type " + type + ": only the Ingress is exposed");
            }
        }
    }

    /** The Ingress sends everything to the gateway's HTTP port, on the host the gateway calls its public URL. */
    private void ingress() {
        List<Ingress> ingresses = all(Ingress.class);
        if (ingresses.size() != 1) {
            violations.add(ingresses.size() + " Ingresses, not one (the gateway's)");
            return;
        }
        Ingress ingress = ingresses.get(0);
        for (IngressRule rule : list(ingress.getSpec().getRules())) {
            for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                var backend = path.getBackend().getService();
                String port = backend == null || backend.getPort() == null ? null
                        : backend.getPort().getName() != null ? backend.getPort().getName()
                                : String.valueOf(backend.getPort().getNumber());
                if (backend == null || !"gateway".equals(backend.getName()) || !"http".equals(port)
                        && !"8080".equals(port)) {
                    violations.add(id(ingress) + ": " + path.getPath() + " must go to Service gateway port http");
                }
            }
        }
        Optional<String> publicUrl = find(ConfigMap.class, "lookout-public").map(c -> c.getData().get("public-url"));
        Set<String> hosts = new HashSet<>();
        list(ingress.getSpec().getRules()).forEach(rule -> hosts.add(rule.getHost()));
        if (publicUrl.isEmpty() || !hosts.contains(URI.create(publicUrl.get()).getHost())) {
            violations.add(id(ingress) + ": hosts " + hosts + " do not include the gateway's public URL "
                    + publicUrl.orElse("(none)"));
        }
        boolean tls = ingress.getSpec().getTls() != null && !ingress.getSpec().getTls().isEmpty();
        if (publicUrl.isPresent() && publicUrl.get().startsWith("https:") != tls) {
            violations.add(id(ingress) + ": public URL " + publicUrl.get() + " but TLS " + (tls ? "on" : "off"));
        }
    }

    /** A policy whose selector or peer matches no pod, or names a port no selected pod has, silently lets nothing in. */
    private void networkPolicies() {
        for (NetworkPolicy policy : all(NetworkPolicy.class)) {
            List<Deployment> selected = selected(policy.getSpec().getPodSelector());
            if (selected.isEmpty()) {
                violations.add(id(policy) + ": its podSelector selects no Deployment's pods");
            }
            for (NetworkPolicyIngressRule rule : list(policy.getSpec().getIngress())) {
                for (NetworkPolicyPeer peer : list(rule.getFrom())) {
                    if (peer.getPodSelector() != null && peer.getNamespaceSelector() == null
                            && selected(peer.getPodSelector()).isEmpty()) {
                        violations.add(id(policy) + ": a peer's podSelector selects no Deployment's pods");
                    }
                }
                for (NetworkPolicyPort port : list(rule.getPorts())) {
                    boolean somewhere = selected.stream().anyMatch(d -> portNumber(
                            d.getSpec().getTemplate().getSpec().getContainers().get(0), port.getPort()) != null);
                    if (!somewhere) {
                        violations.add(id(policy) + ": port " + portText(port.getPort())
                                + " is on none of the pods it selects");
                    }
                }
            }
        }
    }

    /** The Deployments whose pods a label selector (matchLabels; empty: all) selects. */
    private List<Deployment> selected(LabelSelector selector) {
        Map<String, String> labels = selector == null || selector.getMatchLabels() == null ? Map.of()
                : selector.getMatchLabels();
        return all(Deployment.class).stream()
                .filter(d -> d.getSpec().getTemplate().getMetadata().getLabels().entrySet().containsAll(labels.entrySet()))
                .toList();
    }

    private static String portText(IntOrString port) {
        return port == null ? "none" : port.getIntVal() != null ? port.getIntVal().toString() : port.getStrVal();
    }

    private static Integer portNumber(Container container, IntOrString port) {
        if (port == null) {
            return null;
        }
        if (port.getIntVal() != null) {
            return list(container.getPorts()).stream().anyMatch(p -> p.getContainerPort().equals(port.getIntVal()))
                    ? port.getIntVal() : null;
        }
        return list(container.getPorts()).stream().filter(p -> port.getStrVal().equals(p.getName()))
                .map(ContainerPort::getContainerPort).findFirst().orElse(null);
    }

    private <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
        return all(type).stream().filter(o -> name.equals(o.getMetadata().getName())).findFirst();
    }

    private static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : list;
    }
}
