package io.logrouter.sinks.file;

import java.nio.file.Path;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultEndpoint;

/** One NDJSON file, appended to. Producer only. */
public class NdjsonFileEndpoint extends DefaultEndpoint {

    private final Path file;
    private boolean sync = true;
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

    /** Forces each batch to disk before the exchange completes (the default); false leaves it to the page cache. */
    public void setSync(boolean sync) {
        this.sync = sync;
    }

    public String getIdField() {
        return idField;
    }

    /** The field each line carries the event id in; empty to leave it out. */
    public void setIdField(String idField) {
        this.idField = idField;
    }
}
