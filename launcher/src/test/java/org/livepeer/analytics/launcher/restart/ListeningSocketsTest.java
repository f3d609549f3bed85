package org.livepeer.analytics.launcher.restart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListeningSocketsTest {

    @Test
    void readsTheKernelsAddressesIpv4Ipv6AndMapped() {
        ListeningSockets.InetAddressAndPort v4 = ListeningSockets.parse("0100007F:47F7");
        assertEquals("127.0.0.1", v4.address().getHostAddress());
        assertEquals(18423, v4.port());
        assertTrue(v4.address().isLoopbackAddress());

        ListeningSockets.InetAddressAndPort mapped =
                ListeningSockets.parse("0000000000000000FFFF00000100007F:9BE1");
        assertEquals("127.0.0.1", mapped.address().getHostAddress());
        assertEquals(39905, mapped.port());

        ListeningSockets.InetAddressAndPort v6Loopback =
                ListeningSockets.parse("00000000000000000000000001000000:1F90");
        assertTrue(v6Loopback.address().isLoopbackAddress(), v6Loopback.toString());

        ListeningSockets.InetAddressAndPort v6Any =
                ListeningSockets.parse("00000000000000000000000000000000:B4AB");
        assertTrue(v6Any.address().isAnyLocalAddress());
        assertFalse(v6Any.address().isLoopbackAddress());
        assertFalse(ListeningSockets.parse("00000000:0050").address().isLoopbackAddress());
    }

    @Test
    void findsASocketThisProcessListensOn() throws Exception {
        try (ServerSocket wildcard = new ServerSocket(0);
                ServerSocket loopback = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<ListeningSockets.Listener> mine =
                    ListeningSockets.of(ProcessHandle.current().pid());

            assertTrue(
                    mine.stream()
                            .anyMatch(
                                    l ->
                                            l.port() == wildcard.getLocalPort()
                                                    && l.address().isAnyLocalAddress()),
                    mine.toString());
            assertTrue(
                    mine.stream()
                            .anyMatch(
                                    l ->
                                            l.port() == loopback.getLocalPort()
                                                    && l.address().isLoopbackAddress()),
                    mine.toString());
        }
    }
}
