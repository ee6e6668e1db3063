package io.logrouter.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logrouter.it.ElasticsearchQueries;
import java.io.IOException;
import java.util.Collection;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which of the events numbered {@code 0..expected-1} arrived, and how often: every case sends events with a unique
 * {@code seq} and proves each of them is in the sink exactly once.
 */
public record SeqAudit(int expected, long received, SortedSet<Long> missing, SortedMap<Long, Long> duplicated,
        SortedSet<Long> unexpected) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE = 10_000;

    /** Counts of each seq, however they were read back (documents, object lines). */
    public static SeqAudit of(int expected, Map<Long, Long> counts) {
        SortedSet<Long> missing = new TreeSet<>();
        SortedMap<Long, Long> duplicated = new TreeMap<>();
        SortedSet<Long> unexpected = new TreeSet<>();
        long received = 0;
        for (long seq = 0; seq < expected; seq++) {
            long count = counts.getOrDefault(seq, 0L);
            if (count == 0) {
                missing.add(seq);
            } else if (count > 1) {
                duplicated.put(seq, count);
            }
        }
        for (Map.Entry<Long, Long> entry : counts.entrySet()) {
            received += entry.getValue();
            if (entry.getKey() < 0 || entry.getKey() >= expected) {
                unexpected.add(entry.getKey());
            }
        }
        return new SeqAudit(expected, received, missing, duplicated, unexpected);
    }

    /**
     * Every document of {@code index}, counted per {@code seq} with a composite aggregation: exact, unlike a
     * cardinality estimate, and paged, so any number of events can be audited.
     */
    public static SeqAudit ofIndex(ElasticsearchQueries elasticsearch, String index, int expected)
            throws IOException, InterruptedException {
        elasticsearch.send("POST", "/" + index + "/_refresh?ignore_unavailable=true", null);
        Map<Long, Long> counts = new TreeMap<>();
        JsonNode after = null;
        do {
            ObjectNode query = JSON.createObjectNode().put("size", 0);
            ObjectNode composite = query.putObject("aggs").putObject("seqs").putObject("composite").put("size", PAGE);
            composite.putArray("sources").addObject().putObject("seq").putObject("terms").put("field", "seq");
            if (after != null) {
                composite.set("after", after);
            }
            JsonNode seqs = elasticsearch.send("POST", "/" + index + "/_search?ignore_unavailable=true",
                    query.toString()).path("aggregations").path("seqs");
            for (JsonNode bucket : seqs.path("buckets")) {
                counts.merge(bucket.path("key").path("seq").asLong(), bucket.path("doc_count").asLong(), Long::sum);
            }
            after = seqs.path("buckets").isEmpty() ? null : seqs.get("after_key");
        } while (after != null);
        return of(expected, counts);
    }

    public boolean exactlyOnce() {
        return missing.isEmpty() && duplicated.isEmpty() && unexpected.isEmpty();
    }

    @Override
    public String toString() {
        return expected + " sent, " + received + " received, " + missing.size() + " missing" + sample(missing) + ", "
                + duplicated.size() + " duplicated" + sample(duplicated.keySet()) + ", " + unexpected.size()
                + " unexpected";
    }

    private static String sample(Collection<Long> seqs) {
        return seqs.isEmpty() ? "" : " " + seqs.stream().limit(10).toList();
    }
}
