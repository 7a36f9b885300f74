package io.tradecore.localdev.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * One keep-alive HTTP/1.1 connection that POSTs JSON and reads the status, with just enough protocol for the
 * gateway's answers (Content-Length or chunked bodies, which are skipped). It exists because the JDK's HttpClient
 * costs about 0.4 of a core at 1,000 requests/s; on a 2-core machine that also runs the server, a load generator
 * that heavy measures its own CPU starvation. This one costs a few hundredths of a core, like wrk.
 */
final class RawHttpConnection implements AutoCloseable {

    private final String host;
    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    RawHttpConnection(URI base) {
        this.host = base.getHost();
        this.port = base.getPort() == -1 ? 80 : base.getPort();
    }

    /** The response's status code; the connection is reopened on the next call if the server closed it. */
    int post(String path, String bearerToken, String json) throws IOException {
        if (socket == null) {
            open();
        }
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        out.write(("POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port
                + "\r\nAuthorization: Bearer " + bearerToken
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
        return readResponse();
    }

    private int readResponse() throws IOException {
        String statusLine = line();
        int status = Integer.parseInt(statusLine.substring(9, 12)); // "HTTP/1.1 200 ..."
        long length = 0;
        boolean chunked = false;
        boolean close = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            String lower = header.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).strip());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                close = true;
            }
        }
        if (chunked) {
            for (long size = Long.parseLong(line().split(";")[0].strip(), 16); size > 0;
                 size = Long.parseLong(line().split(";")[0].strip(), 16)) {
                skip(size);
                line();
            }
            line(); // the empty line after the last chunk (no trailers from the gateway)
        } else {
            skip(length);
        }
        if (close) {
            close();
        }
        return status;
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b == -1) {
                throw new IOException("connection closed by the server");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    private void skip(long bytes) throws IOException {
        for (long left = bytes; left > 0; ) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() == -1) {
                    throw new IOException("connection closed by the server");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    private void open() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(host, port), 5_000);
        socket.setSoTimeout(30_000);
        in = new BufferedInputStream(socket.getInputStream(), 8_192);
        out = new BufferedOutputStream(socket.getOutputStream(), 8_192);
    }

    @Override
    public void close() {
        try {
            if (socket != null) {
                socket.close();
            }
        } catch (IOException ignored) {
            // closing a socket that failed anyway
        } finally {
            socket = null;
        }
    }
}
