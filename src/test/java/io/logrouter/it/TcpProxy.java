package io.logrouter.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ServerSocketFactory;
import javax.net.ssl.SSLContext;

/**
 * Forwards 127.0.0.1:{@link #port()} to a real server, so a test can take that server "down" for the client
 * ({@link #close()}: the listener goes away and every open connection is cut, as when the server process dies) and
 * bring it "back" ({@link #reopen()}, same port) without touching the shared server itself. With an
 * {@link SSLContext} it terminates TLS, which puts a TLS endpoint with a test-made certificate in front of a
 * plain-HTTP server.
 */
public final class TcpProxy implements AutoCloseable {

    private final InetSocketAddress target;
    private final ServerSocketFactory listeners;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong bytesToTarget = new AtomicLong();
    private final int port;
    private volatile ServerSocket listener;

    private TcpProxy(InetSocketAddress target, ServerSocketFactory listeners) throws IOException {
        this.target = target;
        this.listeners = listeners;
        this.port = listen(0);
    }

    /** A proxy to {@code url}'s host and port, such as {@code http://127.0.0.1:9200}. */
    public static TcpProxy to(String url) throws IOException {
        URI uri = URI.create(url);
        return new TcpProxy(new InetSocketAddress(uri.getHost(), uri.getPort()), ServerSocketFactory.getDefault());
    }

    /** A proxy that speaks TLS to its clients, with the certificate of {@code server}, and plain TCP to the target. */
    public static TcpProxy tlsTo(String url, SSLContext server) throws IOException {
        URI uri = URI.create(url);
        return new TcpProxy(new InetSocketAddress(uri.getHost(), uri.getPort()), server.getServerSocketFactory());
    }

    public int port() {
        return port;
    }

    /** The proxy's base URL with {@code scheme}, to give a client instead of the target's. */
    public String url(String scheme) {
        return scheme + "://127.0.0.1:" + port;
    }

    /** How many bytes clients sent through so far: lets a test cut the connection in the middle of a stream. */
    public long bytesToTarget() {
        return bytesToTarget.get();
    }

    /** Listens again on the same port. */
    public synchronized void reopen() throws IOException {
        if (listener == null) {
            listen(port);
        }
    }

    /** Stops listening and cuts every connection: new connections are refused until {@link #reopen()}. */
    @Override
    public synchronized void close() throws IOException {
        ServerSocket current = listener;
        listener = null;
        if (current != null) {
            current.close();
        }
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        open.clear();
    }

    private int listen(int onPort) throws IOException {
        ServerSocket socket = listeners.createServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort));
        listener = socket;
        daemon("tcp-proxy-accept-" + socket.getLocalPort(), () -> accept(socket));
        return socket.getLocalPort();
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                forward(socket.accept(), socket);
            } catch (IOException e) {
                // the listener was closed: the loop ends
            }
        }
    }

    private void forward(Socket client, ServerSocket acceptedBy) {
        Socket server = new Socket();
        open.add(client);
        open.add(server);
        try {
            if (acceptedBy.isClosed()) {
                throw new IOException("closed while accepting");
            }
            server.connect(target, 5_000);
        } catch (IOException e) {
            closeQuietly(client);
            closeQuietly(server);
            open.remove(client);
            open.remove(server);
            return;
        }
        daemon("tcp-proxy-up-" + port, () -> pump(client, server, bytesToTarget));
        daemon("tcp-proxy-down-" + port, () -> pump(server, client, new AtomicLong()));
    }

    private void pump(Socket from, Socket to, AtomicLong counted) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                out.flush();
                counted.addAndGet(read);
            }
        } catch (IOException e) {
            // either side went away: closing both below ends the other pump as well
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
