package io.logrouter.sources.kinesis;

import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

/** The {@code kinesis-kcl:} component; each endpoint's options are {@link KinesisKclConfiguration}'s. */
@Component("kinesis-kcl")
public class KinesisKclComponent extends DefaultComponent {

    // set from configuration (camel.component.kinesis-kcl.*), never from a routes file, which may not read credentials
    @Metadata(label = "security", secret = true, description = "Access key of every endpoint that names none; the default credentials chain when empty")
    private String accessKey;
    @Metadata(label = "security", secret = true, description = "Secret key, with accessKey")
    private String secretKey;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (remaining == null || remaining.isBlank()) {
            throw new IllegalArgumentException("kinesis-kcl: the stream name is required: kinesis-kcl:<stream>");
        }
        KinesisKclConfiguration configuration = new KinesisKclConfiguration();
        configuration.setAccessKey(accessKey);
        configuration.setSecretKey(secretKey);
        setProperties(configuration, parameters);
        configuration.validate();
        KinesisKclEndpoint endpoint = new KinesisKclEndpoint(uri, this, remaining, configuration);
        // what is left are Camel's own consumer options (bridgeErrorHandler, exceptionHandler); anything else fails
        setProperties(endpoint, parameters);
        return endpoint;
    }

    public String getAccessKey() {
        return accessKey;
    }

    public void setAccessKey(String accessKey) {
        this.accessKey = accessKey;
    }

    public String getSecretKey() {
        return secretKey;
    }

    public void setSecretKey(String secretKey) {
        this.secretKey = secretKey;
    }
}
