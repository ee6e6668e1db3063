package io.logrouter.sinks.file;

import java.nio.file.Path;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/**
 * Appends event batches to a local file as NDJSON, one event a line, each batch written (and by default forced to
 * disk) before its exchange completes. Producer only.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "ndjson-file", title = "NDJSON file", syntax = "ndjson-file:file",
        producerOnly = true, remote = false, category = { Category.FILE })
public class NdjsonFileEndpoint extends DefaultEndpoint {

    @UriPath(javaType = "java.lang.String", description = "The file appended to; its folders are created")
    @Metadata(required = true)
    private final Path file;
    @UriParam(defaultValue = "true", description = "Forces each batch to disk before the exchange completes; false leaves it to the page cache")
    private boolean sync = true;
    @UriParam(defaultValue = "_id", description = "The field each line carries the event id in; empty to leave it out")
    private String idField = "_id";

    public NdjsonFileEndpoint(String uri, NdjsonFileComponent component, Path file) {
        super(uri, component);
        this.file = file;
    }

    @Override
    public Producer createProducer() {
        return new NdjsonFileProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("ndjson-file is a sink; it cannot be consumed from");
    }

    public Path getFile() {
        return file;
    }

    public boolean isSync() {
        return sync;
    }

    public void setSync(boolean sync) {
        this.sync = sync;
    }

    public String getIdField() {
        return idField;
    }

    public void setIdField(String idField) {
        this.idField = idField;
    }
}
