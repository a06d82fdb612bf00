package io.parley.infra.client;

import io.parley.contracts.frame.ClientFrame;
import io.parley.contracts.frame.FrameCodec;
import io.parley.contracts.frame.MessageFrame;
import io.parley.contracts.frame.ReceivedFrame;
import io.parley.contracts.frame.ServerFrame;
import io.parley.contracts.frame.WelcomeFrame;
import io.micronaut.serde.ObjectMapper;

import javax.net.ssl.SSLContext;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * One browser socket, for tests and benchmarks: connects with a token, decodes every server frame
 * into the queue (and to an optional listener, on the socket's thread), and records how the socket
 * closed.
 */
public final class ChatClient implements AutoCloseable {
    private static final FrameCodec CODEC = new FrameCodec(ObjectMapper.getDefault());
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(30);

    private final BlockingQueue<ServerFrame> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final Consumer<ServerFrame> listener;
    private final WebSocket socket;
    private final Object sendLock = new Object();
    /** The last send queued: Java's WebSocket takes one send at a time, so each waits for it. */
    private CompletableFuture<?> lastSend = CompletableFuture.completedFuture(null);

    private final boolean confirm;

    private ChatClient(URI gateway, String token, String device, Consumer<ServerFrame> listener,
                       boolean confirm) {
        this(gateway, token, device, listener, confirm, HttpClient.newHttpClient());
    }

    private ChatClient(URI gateway, String token, String device, Consumer<ServerFrame> listener,
                       boolean confirm, HttpClient http) {
        this.listener = listener;
        this.confirm = confirm;
        String ws = gateway.toString().replaceFirst("^http", "ws") + "/ws?token="
                + URLEncoder.encode(token == null ? "" : token, StandardCharsets.UTF_8)
                + "&device=" + device;
        this.socket = bounded(http.newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create(ws), new Listener()));
    }

    /**
     * Opens a socket and waits for its welcome (the server's "you are reachable"). Like the web
     * client, it confirms every message it receives with a {@code received} frame.
     */
    public static ChatClient connect(URI gateway, String token, String device,
                                     Consumer<ServerFrame> listener) {
        return welcomed(new ChatClient(gateway, token, device, listener, true));
    }

    /** As {@link #connect}, to an https gateway (wss), trusting what {@code tls} trusts. */
    public static ChatClient connect(URI gateway, String token, String device,
                                     Consumer<ServerFrame> listener, SSLContext tls) {
        return welcomed(new ChatClient(gateway, token, device, listener, true,
                HttpClient.newBuilder().sslContext(tls).build()));
    }

    /** As {@link #connect}, but never confirms a message (to see redelivery). */
    public static ChatClient connectWithoutConfirming(URI gateway, String token, String device,
                                                      Consumer<ServerFrame> listener) {
        return welcomed(new ChatClient(gateway, token, device, listener, false));
    }

    private static ChatClient welcomed(ChatClient client) {
        client.await(WelcomeFrame.class::isInstance, Duration.ofSeconds(10));
        return client;
    }

    /** Opens a socket without waiting for anything (to test refusals). */
    public static ChatClient open(URI gateway, String token) {
        return new ChatClient(gateway, token, "test", f -> { }, true);
    }

    public void send(ClientFrame frame) {
        sendRaw(CODEC.encodeClient(frame));
    }

    public void sendRaw(String text) {
        bounded(queue(text));
    }

    /**
     * Queues a frame behind the sends before it and returns at once. The socket's listener
     * confirms messages this way: a listener that waited for its own send would stop reading
     * while the server's reads of it wait, and a reading client must never stall on a write.
     */
    private CompletableFuture<?> queue(String text) {
        synchronized (sendLock) {
            CompletableFuture<?> next = lastSend.handle((ok, error) -> null)
                    .thenCompose(ignored -> socket.sendText(text, true));
            lastSend = next;
            return next;
        }
    }

    /** Every wait on the socket has a deadline: a hung connect or send fails the test. */
    private static <T> T bounded(CompletableFuture<T> step) {
        try {
            return step.get(STEP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("socket step not done within " + STEP_TIMEOUT, e);
        }
    }

    /** The next frame matching {@code wanted}, discarding others; fails after {@code timeout}. */
    public ServerFrame await(Predicate<ServerFrame> wanted, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) { // bounded: poll waits at most until the deadline, then throws
                long left = deadline - System.nanoTime();
                ServerFrame f = left > 0 ? frames.poll(left, TimeUnit.NANOSECONDS) : null;
                if (f == null) {
                    throw new AssertionError("no matching frame within " + timeout);
                }
                if (wanted.test(f)) {
                    return f;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** True when no frame matching {@code unwanted} arrives within {@code quiet}. */
    public boolean awaitNone(Predicate<ServerFrame> unwanted, Duration quiet) {
        try {
            await(unwanted, quiet);
            return false;
        } catch (AssertionError expected) {
            return true;
        }
    }

    /** The close code the server sent, or 1006 when the connection just dropped. */
    public CompletableFuture<Integer> closed() {
        return closed;
    }

    @Override
    public void close() {
        if (!closed.isDone()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
            socket.abort();
            closed.complete(WebSocket.NORMAL_CLOSURE);
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                ServerFrame frame = CODEC.decodeServer(partial.toString());
                partial.setLength(0);
                listener.accept(frame);
                frames.add(frame);
                if (confirm && frame instanceof MessageFrame m) {
                    queue(CODEC.encodeClient(new ReceivedFrame(m.conversationId(), m.seq())));
                }
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closed.complete(1006);
        }
    }
}
