package dev.outpost.bench.load;

import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One floor measurement through the broker with a chosen publisher and subscriber client, by {@link FloorRun}'s
 * method: QoS 1 messages of a fixed size, the sequence number in the first 10 bytes, sent at a fixed rate (or, at
 * rate 0, as fast as the publisher's in-flight window allows); one-way latency = the subscriber's
 * {@code System.nanoTime()} at arrival minus the publisher's just before {@code publish}. Unlike FloorRun the
 * warm-up is drained (every warm-up message received and acknowledged) before the measured messages start, so
 * that CPU time can be read between the two: per client (its threads, plus the publishing thread's time inside
 * {@code publish}) and the broker's.
 */
final class PairingRun {
    private static final long DRAIN_MILLIS = 60_000;

    private PairingRun() {
    }

    /** Which client publishes and which subscribes. */
    record Pairing(FloorClient publisher, FloorClient subscriber) {
        /** {@code paho-netty} and the like. */
        static Pairing parse(String text) {
            String[] sides = text.trim().split("-");
            if (sides.length != 2) {
                throw new IllegalArgumentException("a pairing is PUBLISHER-SUBSCRIBER, e.g. netty-paho: " + text);
            }
            return new Pairing(FloorClient.valueOf(sides[0].toUpperCase(java.util.Locale.ROOT)),
                    FloorClient.valueOf(sides[1].toUpperCase(java.util.Locale.ROOT)));
        }

        String label() {
            return publisher.label() + "->" + subscriber.label();
        }
    }

    /**
     * What one measurement gave. CPU times are of the measured messages only, in nanoseconds (-1: not measured).
     *
     * @param rate          messages/s offered; 0 = as fast as the window allows
     * @param throughput    measured messages received per second, first measured publish to last arrival
     * @param duplicates    measured messages received more than once (QoS 1 allows it; should be 0 here)
     */
    record Result(String pairing, int rate, long sent, long received, long duplicates, long rejected,
                  Latencies.Summary latency, double throughput, long publisherCpuNanos, long subscriberCpuNanos,
                  long brokerCpuNanos) {
        boolean nothingLost() {
            return received == sent && rejected == 0;
        }

        /** Milliseconds of CPU per 10,000 measured messages, or NaN if not measured. */
        double per10k(long cpuNanos) {
            return cpuNanos < 0 || sent == 0 ? Double.NaN : cpuNanos / 1e6 * 10_000 / sent;
        }
    }

    static Result measure(Pairing pairing, String brokerUrl, long brokerPid, double rate, int payloadBytes,
                          int warmupMessages, int messages, int window) throws Exception {
        int total = warmupMessages + messages;
        Arrivals arrivals = new Arrivals(warmupMessages, total);
        String topic = "bench/clients/" + UUID.randomUUID();
        try (FloorClient.Subscriber subscriber = pairing.subscriber().subscriber(brokerUrl, topic, arrivals::arrived);
             FloorClient.Publisher publisher = pairing.publisher().publisher(brokerUrl, window)) {
            send(publisher, topic, arrivals, 0, warmupMessages, rate, payloadBytes);
            arrivals.warmup.await(DRAIN_MILLIS, TimeUnit.MILLISECONDS);
            publisher.awaitAcknowledged(DRAIN_MILLIS);

            ThreadCpu before = ThreadCpu.snapshot(brokerPid);
            long insidePublish = send(publisher, topic, arrivals, warmupMessages, total, rate, payloadBytes);
            arrivals.measured.await(DRAIN_MILLIS, TimeUnit.MILLISECONDS);
            publisher.awaitAcknowledged(DRAIN_MILLIS);
            ThreadCpu after = ThreadCpu.snapshot(brokerPid);

            long elapsed = arrivals.lastArrival - arrivals.sentAt[Math.min(warmupMessages, total - 1)];
            double throughput = arrivals.received() / (Math.max(elapsed, 1) / 1e9);
            return new Result(pairing.label(), (int) Math.round(rate), messages, arrivals.received(),
                    arrivals.duplicates, publisher.rejected(), arrivals.latencies.summary(), throughput,
                    after.threadsSince(before, publisher.threadMarker()) + insidePublish,
                    after.threadsSince(before, subscriber.threadMarker()), after.processSince(before));
        }
    }

    /** Publishes sequence numbers [from, to); returns the publishing thread's CPU time inside publish. */
    private static long send(FloorClient.Publisher publisher, String topic, Arrivals arrivals, int from, int to,
                             double rate, int payloadBytes) throws Exception {
        long period = rate > 0 ? (long) (TimeUnit.SECONDS.toNanos(1) / rate) : 0;
        long start = System.nanoTime();
        long cpu = 0;
        for (int seq = from; seq < to; seq++) {
            if (period > 0) {
                FloorRun.awaitInstant(start + (seq - from) * period);
            }
            byte[] payload = FloorRun.payload(seq, payloadBytes);
            long cpuBefore = ThreadCpu.currentThreadNanos();
            arrivals.sentAt[seq] = System.nanoTime();
            publisher.publish(topic, payload);
            cpu += ThreadCpu.currentThreadNanos() - cpuBefore;
        }
        return cpu;
    }

    /** What the subscriber saw, recorded on its client's thread. */
    private static final class Arrivals {
        final int warmupMessages;
        final int total;
        final long[] sentAt;
        final boolean[] seen;
        final Latencies latencies = new Latencies();
        final CountDownLatch warmup;
        final CountDownLatch measured;
        volatile long lastArrival;
        volatile long duplicates;
        private volatile long received;

        Arrivals(int warmupMessages, int total) {
            this.warmupMessages = warmupMessages;
            this.total = total;
            this.sentAt = new long[total];
            this.seen = new boolean[total];
            Arrays.fill(sentAt, Long.MIN_VALUE);
            this.warmup = new CountDownLatch(warmupMessages);
            this.measured = new CountDownLatch(total - warmupMessages);
        }

        /** One client thread calls this (each subscriber delivers on a single thread). */
        void arrived(byte[] payload) {
            long now = System.nanoTime();
            int seq = FloorRun.sequence(payload);
            if (seq < 0 || seq >= total || sentAt[seq] == Long.MIN_VALUE) {
                return;
            }
            if (seen[seq]) {
                duplicates++;
                return;
            }
            seen[seq] = true;
            if (seq < warmupMessages) {
                warmup.countDown();
                return;
            }
            latencies.record(now - sentAt[seq]);
            received++;
            lastArrival = now;
            measured.countDown();
        }

        long received() {
            return received;
        }
    }
}
