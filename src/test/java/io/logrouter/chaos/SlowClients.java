package io.logrouter.chaos;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Connections that take a server's resources without ever finishing a request: some send the headers of a large
 * POST and then trickle its body one byte a second (slowloris), the others connect and send nothing at all. Every
 * second each connection is checked: {@link #closedByServer()} says how many the server has hung up on since.
 */
public final class SlowClients implements AutoCloseable {

    private static final int DECLARED_BODY_BYTES = 1_000_000;

    private final List<Socket> trickling = new ArrayList<>();
    private final List<Socket> holding = new ArrayList<>();
    private final List<Socket> closed = new ArrayList<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();

    public SlowClients(int port, String path, int tricklingCount, int holdingCount) throws IOException {
        String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nContent-Type: application/x-ndjson\r\nContent-Length: " + DECLARED_BODY_BYTES + "\r\n\r\n";
        for (int i = 0; i < tricklingCount; i++) {
            Socket socket = open(port);
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            trickling.add(socket);
        }
        for (int i = 0; i < holdingCount; i++) {
            holding.add(open(port));
        }
        ticker.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    private static Socket open(int port) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(1);
        return socket;
    }

    private synchronized void tick() {
        for (Socket socket : trickling) {
            if (!closed.contains(socket)) {
                try {
                    socket.getOutputStream().write('{');
                    socket.getOutputStream().flush();
                } catch (IOException e) {
                    closed.add(socket);
                }
            }
        }
        for (Socket socket : holding) {
            if (!closed.contains(socket) && serverHungUp(socket)) {
                closed.add(socket);
            }
        }
        for (Socket socket : trickling) {
            if (!closed.contains(socket) && serverHungUp(socket)) {
                closed.add(socket);
            }
        }
    }

    private static boolean serverHungUp(Socket socket) {
        try {
            // a byte (an answer such as 408) or the end of the stream: either way the server is done with it
            socket.getInputStream().read();
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    public int opened() {
        return trickling.size() + holding.size();
    }

    public synchronized int closedByServer() {
        return closed.size();
    }

    @Override
    public void close() throws InterruptedException {
        ticker.shutdownNow();
        ticker.awaitTermination(10, TimeUnit.SECONDS);
        for (Socket socket : trickling) {
            closeQuietly(socket);
        }
        for (Socket socket : holding) {
            closeQuietly(socket);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // the test is over; the server may well have closed it first
        }
    }
}
