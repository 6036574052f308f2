package dev.outpost.simulator.dmr;

import dev.outpost.simulator.StampingThreads;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DMR simulator's one thread: UDP sockets (NIO, one selector) and timers. Everything in the DMR world runs
 * here, so its model needs no locks. Sockets are opened before {@link #start()}; other threads hand work in with
 * {@link #execute}. Timers fire up to about a millisecond late (the selector's resolution); the ground truth
 * records the instants things really happened.
 */
final class DmrUdpLoop implements DmrScheduler, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DmrUdpLoop.class);
    private static final int MAX_DATAGRAM = 2048;

    /** Gets each datagram an endpoint receives, on the loop thread, with the instant it was read. */
    interface Receiver {
        void onDatagram(byte[] data, InetSocketAddress from, long receivedNanos);
    }

    private record Received(Receiver receiver, byte[] data, InetSocketAddress from, long receivedNanos) {
    }

    private final Selector selector;
    private final List<DatagramChannel> channels = new ArrayList<>();
    private final TaskQueue tasks = new TaskQueue();
    private final ConcurrentLinkedQueue<Runnable> inbox = new ConcurrentLinkedQueue<>();
    private final ByteBuffer buffer = ByteBuffer.allocate(MAX_DATAGRAM);
    private final List<Received> received = new ArrayList<>();
    private volatile boolean running;
    private Thread thread;
    private final ThreadFactory threads;

    DmrUdpLoop() {
        this(StampingThreads.plain().named("outpost-sim-dmr"));
    }

    /** @param threads makes the loop's one thread, which stamps every datagram read and sent */
    DmrUdpLoop(ThreadFactory threads) {
        this.threads = threads;
        try {
            selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector", e);
        }
    }

    /** Binds a UDP socket (port 0 = any free one) and hands its datagrams to {@code receiver}. */
    DatagramChannel open(InetSocketAddress bind, Receiver receiver) {
        try {
            DatagramChannel channel = DatagramChannel.open(bind.getAddress() instanceof java.net.Inet6Address
                    ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
            channels.add(channel);
            channel.bind(bind);
            channel.configureBlocking(false);
            channel.register(selector, SelectionKey.OP_READ, receiver);
            return channel;
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("cannot bind UDP " + bind, e);
        }
    }

    void start() {
        running = true;
        thread = threads.newThread(this::run);
        thread.start();
    }

    /** Sends one datagram; a failure is logged and the datagram lost, as UDP would lose it. */
    void send(DatagramChannel channel, byte[] data, InetSocketAddress to) {
        try {
            channel.send(ByteBuffer.wrap(data), to);
        } catch (IOException e) {
            LOG.debug("UDP send to {} failed: {}", to, e.toString());
        }
    }

    /** Runs {@code task} on the loop thread, soon. */
    void execute(Runnable task) {
        inbox.add(task);
        selector.wakeup();
    }

    @Override
    public long now() {
        return System.nanoTime();
    }

    @Override
    public void at(long atNanos, Runnable task) {
        if (Thread.currentThread() == thread) {
            tasks.add(atNanos, task);
        } else {
            execute(() -> tasks.add(atNanos, task));
        }
    }

    private void run() {
        while (running) {
            try {
                long wait = tasks.isEmpty() ? 1_000_000_000L : tasks.nextDue() - now();
                if (wait <= 0) {
                    selector.selectNow();
                } else {
                    selector.select(Math.max(1, (wait + 999_999) / 1_000_000));
                }
                readAll();
                for (Runnable task = inbox.poll(); task != null; task = inbox.poll()) {
                    runSafely(task);
                }
                while (running && !tasks.isEmpty() && tasks.nextDue() - now() <= 0) {
                    runSafely(tasks.poll());
                }
            } catch (IOException | RuntimeException e) {
                LOG.error("DMR simulator loop error; carrying on", e);
            }
        }
    }

    /**
     * Reads every waiting datagram of every socket, stamping each as it is read, and only then hands them on: the
     * gateway polls many slots at once, so calls arrive in bursts, and handling each before reading the next would
     * date the last of a burst late by the work done for the others (the ground truth must say when it arrived).
     */
    private void readAll() throws IOException {
        for (SelectionKey key : selector.selectedKeys()) {
            DatagramChannel channel = (DatagramChannel) key.channel();
            Receiver receiver = (Receiver) key.attachment();
            for (int i = 0; i < 256; i++) {
                buffer.clear();
                InetSocketAddress from = (InetSocketAddress) channel.receive(buffer);
                if (from == null) {
                    break;
                }
                received.add(new Received(receiver, Arrays.copyOf(buffer.array(), buffer.position()), from, now()));
            }
        }
        selector.selectedKeys().clear();
        for (Received r : received) {
            runSafely(() -> r.receiver().onDatagram(r.data(), r.from(), r.receivedNanos()));
        }
        received.clear();
    }

    private static void runSafely(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.error("DMR simulator task failed; carrying on", e);
        }
    }

    /** Runs {@code last} on the loop (e.g. sending RPTCL), then stops the thread and closes every socket. */
    void stop(Runnable last) {
        if (thread != null && thread.isAlive()) {
            execute(() -> {
                runSafely(last);
                running = false;
            });
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        close();
    }

    @Override
    public void close() {
        running = false;
        selector.wakeup();
        for (DatagramChannel channel : channels) {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.debug("closing a UDP socket: {}", e.toString());
            }
        }
        try {
            selector.close();
        } catch (IOException e) {
            LOG.debug("closing the selector: {}", e.toString());
        }
    }
}
