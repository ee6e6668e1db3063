package io.logrouter.sources.kinesis;

import io.logrouter.aws.KinesisConnectionOptions;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsAsyncClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;

/**
 * The three AWS clients KCL needs, built from the endpoint's options and closed together. CloudWatch is built only
 * because KCL's configuration asks for a client: metrics are off, so it is never called.
 */
final class KclClients implements AutoCloseable {

    final KinesisAsyncClient kinesis;
    final DynamoDbAsyncClient dynamoDb;
    final CloudWatchAsyncClient cloudWatch;

    KclClients(KinesisKclConfiguration configuration) {
        AwsCredentialsProvider credentials = KinesisConnectionOptions.isSet(configuration.getAccessKey())
                ? StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(configuration.getAccessKey(), configuration.getSecretKey()))
                : DefaultCredentialsProvider.builder().build();
        // Polling needs no HTTP/2 (only enhanced fan-out does), and HTTP/1.1 also talks to plain-http endpoints
        // such as kinesis-mock's, which the SDK's HTTP/2 default cannot.
        kinesis = configure(KinesisAsyncClient.builder()
                .httpClientBuilder(NettyNioAsyncHttpClient.builder().protocol(Protocol.HTTP1_1)),
                configuration, credentials, configuration.getKinesisEndpoint()).build();
        dynamoDb = configure(DynamoDbAsyncClient.builder(), configuration, credentials,
                configuration.getDynamoDbEndpoint()).build();
        cloudWatch = configure(CloudWatchAsyncClient.builder(), configuration, credentials, null).build();
    }

    private static <B extends AwsClientBuilder<B, ?> & AwsAsyncClientBuilder<B, ?>> B configure(B builder,
            KinesisKclConfiguration configuration, AwsCredentialsProvider credentials, String endpoint) {
        builder.credentialsProvider(credentials);
        if (KinesisConnectionOptions.isSet(configuration.getRegion())) {
            builder.region(Region.of(configuration.getRegion()));
        }
        if (KinesisConnectionOptions.isSet(endpoint)) {
            builder.endpointOverride(URI.create(endpoint));
        }
        return builder;
    }

    @Override
    public void close() {
        kinesis.close();
        dynamoDb.close();
        cloudWatch.close();
    }
}
