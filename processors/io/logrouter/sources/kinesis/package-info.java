/**
 * The {@code kinesis-kcl:} source: reads every shard of a Kinesis stream with the Kinesis Client Library, the way AWS
 * users expect a stream consumer to share and resume its work.
 *
 * <pre>
 * kinesis-kcl:logs?applicationName=log-router&amp;region=eu-west-1
 * </pre>
 *
 * <p>Each exchange carries one {@link io.logrouter.event.EventBatch}: the records of one GetRecords call on one shard.
 * What it promises:
 * <ul>
 * <li>A shard's checkpoint (in the DynamoDB lease table named after the application) moves past a batch only after
 * its exchange completed without an exception. A failed batch is delivered again, with a pause that grows to
 * retryMaxDelay, for as long as the route runs; KCL itself never hands a record over twice.</li>
 * <li>After a stop or a kill, each shard is read again from its checkpoint: nothing is lost, and what is sent again
 * (the batch in flight) gets the same ids ({@link io.logrouter.event.EventId#ofPosition} of stream, shard, sequence
 * and sub-sequence number), so Elasticsearch overwrites instead of duplicating.</li>
 * <li>Replicas with the same applicationName share the shards through KCL's leases; a replica that stops renewing
 * its leases loses them to the others after failoverTime. After a reshard, child shards are read once their parents
 * are read to their end.</li>
 * <li>CloudWatch Logs subscription payloads (gzip JSON) become one event per log event, with CloudWatch's time,
 * log group, log stream and account, and ids from CloudWatch's event id; control messages yield nothing. Other
 * records become one event each, their text in {@code message} and their arrival time in {@code @timestamp}.
 * A compressed record that is not a CloudWatch payload is kept in {@code event.original} (base64) with the
 * parse-failure marker.</li>
 * </ul>
 */
package io.logrouter.sources.kinesis;
