import java.io.FileInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Brings a Lookout broker to a plan of topics and ACLs in one JVM (./lookout up runs it with the broker's classpath:
 * {@code java -cp <kafka jars> KafkaAccess.java <admin client properties> <plan>}).
 * <p>
 * The plan has one line per topic or ACL; deploy/local/kafka.sh writes it from KAFKA_TOPICS, deploy/kafka/agencies.txt
 * and deploy/kafka/acls*.txt:
 * <pre>
 * topic &lt;name&gt; &lt;partitions&gt; [&lt;config&gt;=&lt;value&gt; ...]
 * acl &lt;principal&gt; &lt;operation&gt; &lt;TOPIC|GROUP&gt; &lt;LITERAL|PREFIXED&gt; &lt;name&gt;
 * </pre>
 * Topics that are missing are created; the configs named are set on existing ones too. ACLs are allowing ACLs from any
 * host; the plan is the whole list: an ACL on the broker that the plan does not name is deleted, so removing a line
 * takes the right away on the next run.
 */
public final class KafkaAccess {

    private KafkaAccess() {
    }

    record Topic(String name, int partitions, Map<String, String> configs) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: KafkaAccess <admin client properties> <plan>");
            System.exit(2);
        }
        Properties client = new Properties();
        try (InputStream in = new FileInputStream(args[0])) {
            client.load(in);
        }
        List<Topic> topics = new ArrayList<>();
        Set<AclBinding> acls = new HashSet<>();
        int number = 0;
        for (String raw : Files.readAllLines(Path.of(args[1]))) {
            number++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\s+");
            try {
                switch (f[0]) {
                    case "topic" -> topics.add(topic(f));
                    case "acl" -> acls.add(acl(f));
                    default -> throw new IllegalArgumentException("neither 'topic' nor 'acl'");
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(args[1] + " line " + number + " (" + line + "): " + e.getMessage(), e);
            }
        }
        try (Admin admin = Admin.create(client)) {
            createTopics(admin, topics);
            applyAcls(admin, acls);
        }
    }

    private static Topic topic(String[] f) {
        if (f.length < 3) {
            throw new IllegalArgumentException("expected: topic <name> <partitions> [<config>=<value> ...]");
        }
        Map<String, String> configs = new LinkedHashMap<>();
        for (int i = 3; i < f.length; i++) {
            String[] kv = f[i].split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("a topic config is <name>=<value>, not " + f[i]);
            }
            configs.put(kv[0], kv[1]);
        }
        return new Topic(f[1], Integer.parseInt(f[2]), configs);
    }

    private static AclBinding acl(String[] f) {
        if (f.length != 6 || !f[1].startsWith("User:")) {
            throw new IllegalArgumentException("expected: acl User:<name> <operation> <TOPIC|GROUP> <LITERAL|PREFIXED> <name>");
        }
        ResourceType type = ResourceType.fromString(f[3]);
        PatternType pattern = PatternType.fromString(f[4]);
        AclOperation operation = AclOperation.fromString(f[2]);
        if (type == ResourceType.UNKNOWN || pattern == PatternType.UNKNOWN || !pattern.isSpecific()
                || operation == AclOperation.UNKNOWN || operation == AclOperation.ANY || operation == AclOperation.ALL) {
            throw new IllegalArgumentException("unknown or too broad resource type, pattern type or operation");
        }
        return new AclBinding(new ResourcePattern(type, f[5], pattern),
                new AccessControlEntry(f[1], "*", operation, AclPermissionType.ALLOW));
    }

    private static void createTopics(Admin admin, List<Topic> topics) throws Exception {
        Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
        List<NewTopic> missing = new ArrayList<>();
        Map<ConfigResource, Collection<AlterConfigOp>> alter = new HashMap<>();
        for (Topic topic : topics) {
            if (!existing.contains(topic.name())) {
                missing.add(new NewTopic(topic.name(), Optional.of(topic.partitions()), Optional.empty())
                        .configs(topic.configs()));
            } else if (!topic.configs().isEmpty()) {
                alter.put(new ConfigResource(ConfigResource.Type.TOPIC, topic.name()), topic.configs().entrySet().stream()
                        .map(c -> new AlterConfigOp(new ConfigEntry(c.getKey(), c.getValue()), AlterConfigOp.OpType.SET))
                        .toList());
            }
        }
        for (var result : admin.createTopics(missing).values().entrySet()) {
            try {
                result.getValue().get(30, TimeUnit.SECONDS);
                System.out.println("created topic " + result.getKey());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
        if (!alter.isEmpty()) {
            admin.incrementalAlterConfigs(alter).all().get(30, TimeUnit.SECONDS);
        }
    }

    private static void applyAcls(Admin admin, Set<AclBinding> wanted) throws Exception {
        Collection<AclBinding> present = admin.describeAcls(AclBindingFilter.ANY).values().get(30, TimeUnit.SECONDS);
        List<AclBinding> missing = wanted.stream().filter(acl -> !present.contains(acl)).toList();
        List<AclBindingFilter> stale = present.stream().filter(acl -> !wanted.contains(acl)).map(AclBinding::toFilter)
                .toList();
        if (!missing.isEmpty()) {
            admin.createAcls(missing).all().get(30, TimeUnit.SECONDS);
        }
        if (!stale.isEmpty()) {
            admin.deleteAcls(stale).all().get(30, TimeUnit.SECONDS);
            stale.forEach(acl -> System.out.println("deleted ACL not in the plan: " + acl));
        }
        System.out.printf("ACLs: %d in the plan, %d added, %d deleted%n", wanted.size(), missing.size(), stale.size());
    }
}
