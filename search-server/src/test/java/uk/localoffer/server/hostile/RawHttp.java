package uk.localoffer.server.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP over a raw socket to a server on this machine: the request's bytes go out exactly as
 * given (no client to tidy them), and the answer is read until the server closes.
 */
public final class RawHttp {
    private RawHttp() { }

    /** An answer: status (0 when none came), headers by lower-case name, and the body as text. */
    public record Answer(int status, Map<String, String> headers, String body, String raw) {
        public String header(String name) { return headers.get(name.toLowerCase(Locale.ROOT)); }

        public String contentType() { return headers.getOrDefault("content-type", ""); }
    }

    /** Sends {@code request} (ISO-8859-1 text, so every char is one byte) to 127.0.0.1:{@code port}. */
    public static Answer send(int port, String request) throws IOException {
        return send(port, request.getBytes(StandardCharsets.ISO_8859_1));
    }

    public static Answer send(int port, byte[] request) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            try {
                out.write(request);
                out.flush();
                s.shutdownOutput();
            } catch (IOException e) {
                // The server may answer and close before it has read everything (a body too large): read what it said.
            }
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[16384];
            try {
                int n;
                while ((n = in.read(buf)) >= 0) got.write(buf, 0, n);
            } catch (SocketTimeoutException | java.net.SocketException e) {
                // what came before the reset or the timeout is the answer
            }
            return parse(got.toByteArray());
        }
    }

    /** A request line, headers and body, with Connection: close and the body's length. */
    public static String request(String method, String target, String body, String... headers) {
        StringBuilder b = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
        for (int i = 0; i < headers.length; i += 2) b.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        if (body != null) b.append("Content-Length: ").append(body.getBytes(StandardCharsets.ISO_8859_1).length).append("\r\n");
        b.append("\r\n");
        if (body != null) b.append(body);
        return b.toString();
    }

    public static Answer get(int port, String target, String... headers) throws IOException {
        return send(port, request("GET", target, null, headers));
    }

    static Answer parse(byte[] bytes) {
        String head = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = head.indexOf("\r\n\r\n");
        if (!head.startsWith("HTTP/") || end < 0) return new Answer(0, Map.of(), head, head);
        String[] lines = head.substring(0, end).split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) headers.merge(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim(), (a, b) -> a + ", " + b);
        }
        byte[] body = java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) body = unchunk(body);
        int status;
        try {
            status = Integer.parseInt(statusLine[1]);
        } catch (RuntimeException e) {
            status = 0;
        }
        return new Answer(status, headers, new String(body, StandardCharsets.UTF_8), head.substring(0, end));
    }

    private static byte[] unchunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String text = new String(body, StandardCharsets.ISO_8859_1);
        int i = 0;
        while (i < body.length) {
            int eol = text.indexOf("\r\n", i);
            if (eol < 0) break;
            int size;
            try {
                size = Integer.parseInt(text.substring(i, eol).split(";")[0].trim(), 16);
            } catch (NumberFormatException e) {
                break;
            }
            if (size == 0) break;
            int start = eol + 2, stop = Math.min(body.length, start + size);
            out.write(body, start, stop - start);
            i = stop + 2;
        }
        return out.toByteArray();
    }
}
