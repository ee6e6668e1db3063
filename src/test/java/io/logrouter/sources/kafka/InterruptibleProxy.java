package io.logrouter.sources.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A fault injector in front of a real server: a TCP proxy on a loopback port that forwards to {@code target}, and
 * that can be cut (listener and every open connection closed, so clients see connection resets and refusals) and
 * restored on the same port. It stands in for an outage of a server other tests share and must keep using.
 */
final class InterruptibleProxy implements AutoCloseable {

    private final InetSocketAddress target;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket listener;
    private int port;

    InterruptibleProxy(String host, int port) {
        this.target = new InetSocketAddress(host, port);
    }

    synchronized InterruptibleProxy open() throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        port = server.getLocalPort();
        listener = server;
        daemon(() -> accept(server));
        return this;
    }

    int port() {
        return port;
    }

    synchronized void cut() throws IOException {
        listener.close();
        for (Socket socket : connections) {
            socket.close();
        }
        connections.clear();
    }

    @Override
    public void close() throws IOException {
        cut();
    }

    private void accept(ServerSocket server) {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(target.getAddress(), target.getPort());
                connections.add(client);
                connections.add(upstream);
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to) {
        daemon(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException ignored) {
                // one side closed: the finally below closes the other, as a real connection drop would
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        });
    }

    private static void daemon(Runnable task) {
        Thread thread = new Thread(task, "interruptible-proxy");
        thread.setDaemon(true);
        thread.start();
    }

    private void closeQuietly(Socket socket) {
        connections.remove(socket);
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
