/**
 * The {@code tail:} source: the node agent's reader of container log files, in the role Filebeat or Fluent Bit play.
 *
 * <pre>
 * tail:containers?include=/var/log/containers/*.log&amp;registry=/var/lib/logrouter/tail-registry.json&amp;format=cri
 *     &amp;multilinePattern=RAW(^(\s|Caused by:))
 * </pre>
 *
 * <p>Each exchange carries one {@link io.logrouter.event.EventBatch}. What it promises:
 * <ul>
 * <li>A file's offset is checkpointed only after the exchange with its lines completed without an exception; a
 * failed exchange makes the consumer read the same lines again, after a pause that grows to 5 s, as events with the
 * same ids ({@link io.logrouter.event.EventId#ofPosition} of the file's identity and the line's offset).</li>
 * <li>After a stop or a kill, reading resumes at the checkpoints: nothing is lost, and what is sent again is the batch
 * that was in flight plus any events that followed a still-unfinished partial line or multiline event.</li>
 * <li>Files are known by device, inode and a fingerprint of their first KiB: a renamed file keeps its checkpoint, a
 * rotated or deleted one is read to its end (rotateWait) before its handle is released, a truncated or rewritten one
 * is read again from its start under new ids.</li>
 * <li>Memory is bounded: a line, a joined partial line and a multiline event stop at maxEventBytes (tagged
 * {@code truncated}), and a batch at batchSize events or batchMaxBytes read.</li>
 * </ul>
 *
 * <p>One endpoint per registry file: two consumers sharing one would overwrite each other's checkpoints.
 */
package io.logrouter.sources.tail;
