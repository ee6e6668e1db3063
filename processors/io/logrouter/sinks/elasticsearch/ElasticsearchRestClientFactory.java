package io.logrouter.sinks.elasticsearch;

import java.nio.file.Path;
import java.util.Arrays;
import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/** Builds the low-level REST client from the sink's connection settings: hosts, authentication and TLS trust. */
final class ElasticsearchRestClientFactory {

    private ElasticsearchRestClientFactory() {
    }

    static RestClient create(ElasticsearchBulkComponent settings) {
        HttpHost[] nodes = Arrays.stream(settings.getHosts().split(","))
                .map(String::trim)
                .filter(host -> !host.isEmpty())
                .map(HttpHost::create)
                .toArray(HttpHost[]::new);
        RestClientBuilder builder = RestClient.builder(nodes);
        if (present(settings.getApiKey())) {
            String apiKey = "ApiKey " + settings.getApiKey();
            builder.setDefaultHeaders(new Header[] {new BasicHeader("Authorization", apiKey)});
        }
        AwsSigV4RequestSigner signer = settings.isAwsSigV4() ? signer(settings) : null;
        builder.setHttpClientConfigCallback(http -> {
            if (present(settings.getUsername())) {
                BasicCredentialsProvider credentials = new BasicCredentialsProvider();
                credentials.setCredentials(AuthScope.ANY,
                        new UsernamePasswordCredentials(settings.getUsername(), settings.getPassword()));
                http.setDefaultCredentialsProvider(credentials);
            }
            if (present(settings.getCaCertificate())) {
                http.setSSLContext(TrustedCertificates.sslContext(Path.of(settings.getCaCertificate())));
            }
            if (signer != null) {
                http.addInterceptorLast(signer);
            }
            return http;
        });
        return builder.build();
    }

    private static AwsSigV4RequestSigner signer(ElasticsearchBulkComponent settings) {
        AwsCredentialsProvider credentials = settings.getAwsCredentialsProvider() != null
                ? settings.getAwsCredentialsProvider()
                : DefaultCredentialsProvider.builder().build();
        String region = present(settings.getAwsRegion()) ? settings.getAwsRegion()
                : new DefaultAwsRegionProviderChain().getRegion().id();
        return new AwsSigV4RequestSigner(credentials, region, settings.getAwsService());
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
