import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Deletes the topics whose names match a regular expression: what bench/pipeline made. Kafka's own TopicCommand is
 * in kafka-tools, which a broker's installation does not need and dev/stack does not install.
 * Run from source with Kafka's jars: java -cp 'libs/*' DeleteTopics.java BOOTSTRAP REGEX
 */
public class DeleteTopics {

    public static void main(String[] args) throws Exception {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        try (Admin admin = Admin.create(config)) {
            Set<String> topics = admin.listTopics().names().get().stream().filter(name -> name.matches(args[1]))
                    .collect(Collectors.toSet());
            admin.deleteTopics(topics).all().get();
            System.out.println("deleted " + topics.size());
        }
    }
}
