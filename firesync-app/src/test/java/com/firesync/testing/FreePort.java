package com.firesync.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * A TCP port free on this machine now, for a server a test starts in another process.
 */
public final class FreePort {

    private FreePort() {
    }

    public static int next() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
