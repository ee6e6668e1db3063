import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Creates a topic with a number of partitions, or deletes the topics whose names match a regular expression: what
 * bench/pipeline makes. Kafka's own TopicCommand is in kafka-tools, which a broker's installation does not need and
 * dev/stack does not install. Run from source with Kafka's jars:
 *   java -cp 'libs/*' Topics.java create BOOTSTRAP TOPIC PARTITIONS
 *   java -cp 'libs/*' Topics.java delete BOOTSTRAP REGEX
 */
public class Topics {

    public static void main(String[] args) throws Exception {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[1]);
        try (Admin admin = Admin.create(config)) {
            if (args[0].equals("create")) {
                admin.createTopics(List.of(new NewTopic(args[2], Integer.parseInt(args[3]), (short) 1))).all().get();
                System.out.println("created " + args[2]);
            } else {
                Set<String> topics = admin.listTopics().names().get().stream().filter(name -> name.matches(args[2]))
                        .collect(Collectors.toSet());
                admin.deleteTopics(topics).all().get();
                System.out.println("deleted " + topics.size());
            }
        }
    }
}
