package io.parley.infra.e2e;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * A WebSocket written byte by byte over a plain socket, for what {@code java.net.http} will not
 * send: chosen fragmentation and permessage-deflate frames.
 */
final class RawSocket implements AutoCloseable {
    static final int TEXT = 1;
    static final int CONTINUATION = 0;
    private static final int CLOSE = 8;

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final Inflater inflater = new Inflater(true);

    /** {@code receiveBuffer} > 0: the kernel's receive buffer, set before connecting. */
    private RawSocket(URI http, Duration timeout, int receiveBuffer) throws IOException {
        socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.connect(new java.net.InetSocketAddress(http.getHost(), http.getPort()),
                (int) timeout.toMillis());
        socket.setSoTimeout((int) timeout.toMillis());
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    /** Connects to {@code /ws}; with {@code deflate}, asks for (and requires) permessage-deflate. */
    static RawSocket webSocket(URI http, String token, boolean deflate) throws IOException {
        return webSocket(http, token, deflate, 0);
    }

    /**
     * As above, with a small kernel receive buffer ({@code receiveBuffer} bytes, 0: the default),
     * so a socket that stops reading pushes back on the server after a few KB, not megabytes.
     */
    static RawSocket webSocket(URI http, String token, boolean deflate, int receiveBuffer)
            throws IOException {
        RawSocket s = new RawSocket(http, Duration.ofSeconds(30), receiveBuffer);
        String key = Base64.getEncoder().encodeToString(new byte[16]);
        s.out.write(("GET /ws?token=" + token + "&device=raw HTTP/1.1\r\nHost: " + http.getHost()
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + key
                + "\r\nSec-WebSocket-Version: 13\r\n"
                + (deflate ? "Sec-WebSocket-Extensions: permessage-deflate\r\n" : "") + "\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        String head = s.readHead();
        if (!head.startsWith("HTTP/1.1 101")
                || deflate && !head.toLowerCase().contains("permessage-deflate")) {
            s.close();
            throw new IOException("no upgrade: " + head);
        }
        return s;
    }

    void frame(int opcode, boolean fin, byte[] payload) throws IOException {
        frame(opcode, fin, false, payload);
    }

    /** A text message of {@code text}, compressed as one permessage-deflate frame. */
    void deflated(byte[] text) throws IOException {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.setInput(text);
        ByteArrayOutputStream z = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        while ((n = deflater.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH)) > 0) {
            z.write(buf, 0, n);
        }
        deflater.end();
        byte[] compressed = z.toByteArray();
        frame(TEXT, true, true, Arrays.copyOf(compressed, compressed.length - 4));
    }

    private void frame(int opcode, boolean fin, boolean rsv1, byte[] payload) throws IOException {
        ByteArrayOutputStream f = new ByteArrayOutputStream(payload.length + 14);
        f.write((fin ? 0x80 : 0) | (rsv1 ? 0x40 : 0) | opcode);
        if (payload.length < 126) {
            f.write(0x80 | payload.length);
        } else if (payload.length < 65536) {
            f.write(0x80 | 126);
            f.write(payload.length >>> 8);
            f.write(payload.length & 0xff);
        } else {
            f.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                f.write((int) ((long) payload.length >>> shift) & 0xff);
            }
        }
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        f.write(mask);
        byte[] masked = new byte[payload.length];
        for (int i = 0; i < payload.length; i++) {
            masked[i] = (byte) (payload[i] ^ mask[i & 3]);
        }
        f.write(masked);
        out.write(f.toByteArray());
        out.flush();
    }

    /**
     * Reads server frames until the next text frame (returned) or a close frame (its code, as
     * {@code "close <code>"}); fails when the connection ends without either.
     */
    String next() throws IOException {
        // Each read waits at most the socket's SO_TIMEOUT (30 s); frames that are neither text
        // nor close (pings) are skipped for at most 30 s in all.
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            int b0 = in.readUnsignedByte();
            int b1 = in.readUnsignedByte();
            long len = b1 & 0x7f;
            if (len == 126) {
                len = in.readUnsignedShort();
            } else if (len == 127) {
                len = in.readLong();
            }
            byte[] payload = new byte[(int) len];
            in.readFully(payload);
            int opcode = b0 & 0x0f;
            if (opcode == CLOSE) {
                return "close " + (payload.length >= 2
                        ? ((payload[0] & 0xff) << 8 | (payload[1] & 0xff)) : 1005);
            }
            if (opcode == TEXT) {
                return new String((b0 & 0x40) != 0 ? inflate(payload) : payload,
                        StandardCharsets.UTF_8);
            }
        }
        throw new IOException("no text or close frame within 30 s");
    }

    /** A permessage-deflate payload (RSV1 set) inflated, with the server's context kept. */
    private byte[] inflate(byte[] payload) throws IOException {
        inflater.setInput(concat(payload, new byte[] {0, 0, (byte) 0xff, (byte) 0xff}));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try {
            int n;
            while ((n = inflater.inflate(buf)) > 0) {
                out.write(buf, 0, n);
            }
        } catch (DataFormatException e) {
            throw new IOException("the server's compressed frame does not inflate", e);
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private String readHead() throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            head.append((char) in.readUnsignedByte());
        }
        return head.toString();
    }

    @Override
    public void close() throws IOException {
        inflater.end();
        socket.close();
    }
}
