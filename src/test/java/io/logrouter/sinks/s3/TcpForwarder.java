package io.logrouter.sinks.s3;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP port that forwards to a server and can be closed and reopened, standing in for an S3 outage without
 * stopping the S3 server that other test runs share. Closing also cuts the open connections, so pooled keep-alive
 * connections fail too. {@link #closeAtPut(int)} starts the outage in the middle of a batch, as the given PUT request
 * begins (object bodies are gzip, in which the five bytes of a request line are vanishingly unlikely).
 */
final class TcpForwarder implements AutoCloseable {

    private final int targetPort;
    private final int port;
    private static final byte[] PUT = "PUT /".getBytes(StandardCharsets.US_ASCII);

    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final AtomicInteger puts = new AtomicInteger();
    private volatile int closeAtPut = Integer.MAX_VALUE;
    private ServerSocket server;

    TcpForwarder(int targetPort) throws IOException {
        this.targetPort = targetPort;
        try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            this.port = probe.getLocalPort();
        }
    }

    int port() {
        return port;
    }

    /** Closes, as {@link #close()} does, when the {@code put}-th PUT request from now arrives. */
    void closeAtPut(int put) {
        puts.set(0);
        closeAtPut = put;
    }

    synchronized void open() throws IOException {
        closeAtPut = Integer.MAX_VALUE;
        ServerSocket listening = new ServerSocket();
        listening.setReuseAddress(true);
        listening.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        server = listening;
        Thread acceptor = new Thread(() -> accept(listening), "tcp-forwarder-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @Override
    public synchronized void close() throws IOException {
        if (server != null) {
            server.close();
            server = null;
        }
        for (Socket socket : sockets) {
            socket.close();
        }
        sockets.clear();
    }

    private void accept(ServerSocket listening) {
        while (!listening.isClosed()) {
            try {
                Socket client = listening.accept();
                Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                sockets.add(client);
                sockets.add(target);
                pump(client, target, true);
                pump(target, client, false);
            } catch (IOException e) {
                // closed by close(): the outage has begun
            }
        }
    }

    private void pump(Socket from, Socket to, boolean upstream) {
        Thread pump = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                byte[] buffer = new byte[16 * 1024];
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    if (upstream && countPuts(buffer, read) >= closeAtPut) {
                        close();
                        return;
                    }
                    out.write(buffer, 0, read);
                }
            } catch (IOException e) {
                // one side went away; closing both ends below tells the other
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "tcp-forwarder-pump");
        pump.setDaemon(true);
        pump.start();
    }

    private int countPuts(byte[] buffer, int length) {
        int count = puts.get();
        for (int i = 0; i + PUT.length <= length; i++) {
            if (Arrays.equals(buffer, i, i + PUT.length, PUT, 0, PUT.length)) {
                count = puts.incrementAndGet();
            }
        }
        return count;
    }

    private void closeQuietly(Socket socket) {
        sockets.remove(socket);
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
