package io.logrouter.sinks.elasticsearch;

import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;
import org.elasticsearch.client.RestClient;

/**
 * The {@code elasticsearch-bulk} sink. One low-level REST client per component serves every endpoint: it sends plain
 * JSON, which Elasticsearch 8.x and 9.x and OpenSearch all accept, where the 9.x Java API client's
 * {@code compatible-with=9} headers are refused by 8.x servers.
 */
public class ElasticsearchBulkComponent extends DefaultComponent {

    private String hosts = "http://127.0.0.1:9200";
    private String username;
    private String password;
    private String apiKey;
    private RestClient client;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        ElasticsearchBulkConfiguration configuration = new ElasticsearchBulkConfiguration();
        setProperties(configuration, parameters);
        return new ElasticsearchBulkEndpoint(uri, this, remaining, configuration);
    }

    synchronized RestClient client() {
        if (client == null) {
            client = ElasticsearchRestClientFactory.create(hosts, username, password, apiKey);
        }
        return client;
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

    /** Comma-separated base URLs, such as {@code https://es-1:9200,https://es-2:9200}. */
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

    /** The encoded API key, sent as {@code Authorization: ApiKey ...}. */
    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }
}
