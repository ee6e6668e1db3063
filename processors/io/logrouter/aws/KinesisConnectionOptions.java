package io.logrouter.aws;

import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * Where Kinesis is and who the router is to it, the same four options on the {@code kinesis-kcl:} source and the
 * {@code kinesis-queue:} sink. Empty, the AWS SDK's defaults apply: the region chain, the regional endpoint, the
 * default credentials chain (IRSA or Pod Identity on EKS, an instance profile).
 */
@UriParams
public abstract class KinesisConnectionOptions {

    @UriParam(description = "AWS region; the SDK's default region chain when empty")
    private String region;

    @UriParam(description = "Kinesis endpoint override, for example http://127.0.0.1:4567 for kinesis-mock")
    private String kinesisEndpoint;

    @UriParam(label = "security", secret = true, description = "Access key; the default credentials chain when empty")
    private String accessKey;

    @UriParam(label = "security", secret = true, description = "Secret key, with accessKey")
    private String secretKey;

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public String getKinesisEndpoint() {
        return kinesisEndpoint;
    }

    public void setKinesisEndpoint(String kinesisEndpoint) {
        this.kinesisEndpoint = kinesisEndpoint;
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

    public static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
