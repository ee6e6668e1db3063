package io.logrouter.sinks.elasticsearch;

import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
import org.elasticsearch.client.RestClient;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * The {@code elasticsearch-bulk} sink. One low-level REST client per component serves every endpoint: it sends plain
 * JSON, which Elasticsearch 8.x and 9.x and OpenSearch all accept, where the 9.x Java API client's
 * {@code compatible-with=9} headers are refused by 8.x servers. Its options say where the cluster is and how to sign in;
 * each endpoint's are {@link ElasticsearchBulkConfiguration}'s.
 */
@Component("elasticsearch-bulk")
public class ElasticsearchBulkComponent extends DefaultComponent {

    @Metadata(defaultValue = "http://127.0.0.1:9200", description = "Comma-separated base URLs, such as https://es-1:9200,https://es-2:9200")
    private String hosts = "http://127.0.0.1:9200";
    @Metadata(label = "security", secret = true, description = "User name for basic authentication")
    private String username;
    @Metadata(label = "security", secret = true, description = "Password for basic authentication, with username")
    private String password;
    @Metadata(label = "security", secret = true, description = "The encoded API key, sent as Authorization: ApiKey ...")
    private String apiKey;
    @Metadata(label = "security", description = "A PEM file of the CA certificates to trust for https hosts, instead of the JVM's default ones")
    private String caCertificate;
    @Metadata(label = "security", defaultValue = "false", description = "Signs each request with AWS SigV4, for Amazon OpenSearch Service (IAM authentication)")
    private boolean awsSigV4;
    @Metadata(label = "security", description = "The region to sign for; by default the AWS SDK's region chain (AWS_REGION, profile, instance metadata)")
    private String awsRegion;
    @Metadata(label = "security", defaultValue = "es", description = "The signing name: es for OpenSearch Service domains, aoss for OpenSearch Serverless")
    private String awsService = "es";
    @Metadata(label = "security,advanced", description = "Where signing credentials come from; by default the AWS SDK's default chain (environment, profile, IRSA, instance role)")
    private AwsCredentialsProvider awsCredentialsProvider;
    private RestClient client;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        ElasticsearchBulkConfiguration configuration = new ElasticsearchBulkConfiguration();
        setProperties(configuration, parameters);
        return new ElasticsearchBulkEndpoint(uri, this, remaining, configuration);
    }

    synchronized RestClient client() {
        if (client == null) {
            client = ElasticsearchRestClientFactory.create(this);
        }
        return client;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        HealthCheckRegistry health = HealthCheckHelper.getHealthCheckRegistry(getCamelContext());
        if (health != null) {
            ElasticsearchReachabilityCheck check = new ElasticsearchReachabilityCheck(this);
            check.setCamelContext(getCamelContext());
            health.register(check);
        }
    }

    @Override
    protected void doStop() throws Exception {
        RestClient open;
        synchronized (this) {
            open = client;
            client = null;
        }
        if (open != null) {
            open.close();
        }
        super.doStop();
    }

    public String getHosts() {
        return hosts;
    }

    public void setHosts(String hosts) {
        this.hosts = hosts;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public String getCaCertificate() {
        return caCertificate;
    }

    public void setCaCertificate(String caCertificate) {
        this.caCertificate = caCertificate;
    }

    public boolean isAwsSigV4() {
        return awsSigV4;
    }

    public void setAwsSigV4(boolean awsSigV4) {
        this.awsSigV4 = awsSigV4;
    }

    public String getAwsRegion() {
        return awsRegion;
    }

    public void setAwsRegion(String awsRegion) {
        this.awsRegion = awsRegion;
    }

    public String getAwsService() {
        return awsService;
    }

    public void setAwsService(String awsService) {
        this.awsService = awsService;
    }

    public AwsCredentialsProvider getAwsCredentialsProvider() {
        return awsCredentialsProvider;
    }

    public void setAwsCredentialsProvider(AwsCredentialsProvider awsCredentialsProvider) {
        this.awsCredentialsProvider = awsCredentialsProvider;
    }
}
