package org.lookout.deploy;

import io.fabric8.kubernetes.api.model.ConfigMapKeySelector;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the API server would refuse, checked offline on fabric8's typed objects: a kind the model does not know, a field
 * the kind does not have (fabric8 keeps those in additionalProperties instead of failing, so every object is walked), a
 * field the Kubernetes API marks required (the kinds these manifests use, from the API reference), a name that is not a
 * DNS-1123 label, and a Deployment whose selector does not select its own pod template.
 */
final class ApiSchema {

    private static final Pattern DNS_1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern PORT_NAME = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Set<String> KINDS = Set.of("Deployment", "Service", "ConfigMap", "Secret",
            "PodDisruptionBudget", "HorizontalPodAutoscaler", "Ingress", "NetworkPolicy");

    private ApiSchema() {
    }

    static List<String> violations(List<HasMetadata> objects) {
        List<String> violations = new ArrayList<>();
        for (HasMetadata object : objects) {
            String at = Manifests.id(object);
            if (object instanceof GenericKubernetesResource) {
                violations.add(at + ": apiVersion " + object.getApiVersion() + " kind " + object.getKind()
                        + " is not a Kubernetes API kind these manifests may use");
                continue;
            }
            if (!KINDS.contains(object.getKind())) {
                violations.add(at + ": kind " + object.getKind() + " is not expected in the Lookout manifests");
            }
            unknownFields(object, at, violations);
            String name = object.getMetadata() == null ? null : object.getMetadata().getName();
            if (name == null || name.length() > 63 || !DNS_1123_LABEL.matcher(name).matches()) {
                violations.add(at + ": metadata.name must be a DNS-1123 label");
            }
            switch (object) {
                case Deployment deployment -> deployment(deployment, at, violations);
                case Service service -> service(service, at, violations);
                case PodDisruptionBudget pdb -> require(pdb.getSpec() != null && pdb.getSpec().getSelector() != null,
                        at + ": spec.selector is required", violations);
                case HorizontalPodAutoscaler hpa -> hpa(hpa, at, violations);
                case Ingress ingress -> ingress(ingress, at, violations);
                default -> {
                }
            }
        }
        return violations;
    }

    private static void deployment(Deployment deployment, String at, List<String> violations) {
        var spec = deployment.getSpec();
        if (spec == null || spec.getSelector() == null || spec.getTemplate() == null
                || spec.getTemplate().getSpec() == null) {
            violations.add(at + ": spec.selector and spec.template are required");
            return;
        }
        Map<String, String> labels = spec.getTemplate().getMetadata() == null ? Map.of()
                : Objects.requireNonNullElse(spec.getTemplate().getMetadata().getLabels(), Map.of());
        Map<String, String> selector = Objects.requireNonNullElse(spec.getSelector().getMatchLabels(), Map.of());
        require(!selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet()),
                at + ": spec.selector does not select spec.template's labels", violations);
        List<Container> containers = spec.getTemplate().getSpec().getContainers();
        require(containers != null && !containers.isEmpty(), at + ": spec.template.spec.containers is required",
                violations);
        for (Container container : containers == null ? List.<Container>of() : containers) {
            String c = at + " container " + container.getName();
            require(container.getName() != null, at + ": a container without a name", violations);
            require(container.getImage() != null && !container.getImage().isBlank(), c + ": image is required",
                    violations);
            for (ContainerPort port : nonNull(container.getPorts())) {
                require(port.getContainerPort() != null && port.getContainerPort() > 0
                        && port.getContainerPort() < 65536, c + ": ports[].containerPort is required (1-65535)",
                        violations);
                require(port.getName() == null || port.getName().length() <= 15
                        && PORT_NAME.matcher(port.getName()).matches(), c + ": port name " + port.getName()
                        + " is not an IANA_SVC_NAME", violations);
            }
            for (EnvVar env : nonNull(container.getEnv())) {
                require(env.getName() != null && !env.getName().isBlank(), c + ": env[].name is required", violations);
                if (env.getValueFrom() != null) {
                    SecretKeySelector secret = env.getValueFrom().getSecretKeyRef();
                    ConfigMapKeySelector config = env.getValueFrom().getConfigMapKeyRef();
                    require(secret == null || secret.getKey() != null && secret.getName() != null,
                            c + ": env " + env.getName() + ": secretKeyRef needs name and key", violations);
                    require(config == null || config.getKey() != null && config.getName() != null,
                            c + ": env " + env.getName() + ": configMapKeyRef needs name and key", violations);
                    require(env.getValue() == null, c + ": env " + env.getName() + " has both value and valueFrom",
                            violations);
                }
            }
            for (Probe probe : new Probe[] {container.getStartupProbe(), container.getLivenessProbe(),
                    container.getReadinessProbe()}) {
                HTTPGetAction get = probe == null ? null : probe.getHttpGet();
                require(get == null || get.getPort() != null, c + ": a probe's httpGet.port is required", violations);
            }
        }
    }

    private static void service(Service service, String at, List<String> violations) {
        List<ServicePort> ports = service.getSpec() == null ? null : service.getSpec().getPorts();
        require(ports != null && !ports.isEmpty(), at + ": spec.ports is required", violations);
        for (ServicePort port : nonNull(ports)) {
            require(port.getPort() != null, at + ": ports[].port is required", violations);
            require(ports.size() == 1 || port.getName() != null, at + ": with several ports each needs a name",
                    violations);
        }
    }

    private static void hpa(HorizontalPodAutoscaler hpa, String at, List<String> violations) {
        var spec = hpa.getSpec();
        require(spec != null && spec.getScaleTargetRef() != null && spec.getScaleTargetRef().getKind() != null
                && spec.getScaleTargetRef().getName() != null, at + ": spec.scaleTargetRef (kind, name) is required",
                violations);
        require(spec != null && spec.getMaxReplicas() != null, at + ": spec.maxReplicas is required", violations);
        require(spec == null || spec.getMinReplicas() == null || spec.getMaxReplicas() == null
                || spec.getMinReplicas() <= spec.getMaxReplicas(), at + ": minReplicas above maxReplicas", violations);
    }

    private static void ingress(Ingress ingress, String at, List<String> violations) {
        for (IngressRule rule : nonNull(ingress.getSpec() == null ? null : ingress.getSpec().getRules())) {
            for (HTTPIngressPath path : rule.getHttp() == null ? List.<HTTPIngressPath>of() : rule.getHttp().getPaths()) {
                require(path.getPathType() != null, at + ": paths[].pathType is required", violations);
                require(path.getBackend() != null, at + ": paths[].backend is required", violations);
            }
        }
    }

    /** Every field fabric8 did not map to a property of its kind: a typo, or a field of another API version. */
    private static void unknownFields(Object node, String path, List<String> violations) {
        if (node == null) {
            return;
        }
        if (node instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknownFields(item, path + "[" + i++ + "]", violations);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> unknownFields(value, path + "." + key, violations));
            return;
        }
        if (!node.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(node);
            } catch (IllegalAccessException | InvocationTargetException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    violations.add(path + ": unknown field(s) " + extra.keySet() + " (not in the Kubernetes API of "
                            + node.getClass().getSimpleName() + ")");
                }
                continue;
            }
            String field = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
            unknownFields(value, path + "." + field, violations);
        }
    }

    private static void require(boolean condition, String violation, List<String> violations) {
        if (!condition) {
            violations.add(violation);
        }
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}
