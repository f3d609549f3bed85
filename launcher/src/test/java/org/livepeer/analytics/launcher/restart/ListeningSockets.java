package org.livepeer.analytics.launcher.restart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The TCP sockets a process and its descendants listen on, from {@code /proc}: each pid's socket
 * inodes ({@code /proc/<pid>/fd}) matched against the LISTEN rows of {@code /proc/net/tcp} and
 * {@code tcp6}. Linux only.
 */
final class ListeningSockets {

    /** One listening socket: who holds it and where it listens. */
    record Listener(long pid, String command, InetAddress address, int port) {
        @Override
        public String toString() {
            return address.getHostAddress() + ":" + port + " (pid " + pid + ", " + command + ")";
        }
    }

    private static final String LISTEN = "0A";
    private static final Pattern SOCKET = Pattern.compile("socket:\\[(\\d+)]");

    private ListeningSockets() {}

    static List<Listener> of(long rootPid) {
        Map<String, InetAddressAndPort> listening = new HashMap<>();
        listening.putAll(listeningByInode(Path.of("/proc/net/tcp")));
        listening.putAll(listeningByInode(Path.of("/proc/net/tcp6")));
        List<Listener> found = new ArrayList<>();
        for (long pid : processTree(rootPid)) {
            for (String inode : socketInodes(pid)) {
                InetAddressAndPort at = listening.get(inode);
                if (at != null) {
                    found.add(new Listener(pid, command(pid), at.address(), at.port()));
                }
            }
        }
        return found;
    }

    /**
     * {@code 0100007F:1F90} (tcp) or 32 hex digits and a port (tcp6), as the kernel prints them.
     */
    static InetAddressAndPort parse(String hexAddressAndPort) {
        String[] parts = hexAddressAndPort.split(":");
        String hex = parts[0];
        byte[] bytes = new byte[hex.length() / 2];
        // The kernel prints each 32-bit word of the address in host (little-endian) order.
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int b = 0; b < 4; b++) {
                int at = word * 8 + (3 - b) * 2;
                bytes[word * 4 + b] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
            }
        }
        try {
            return new InetAddressAndPort(
                    InetAddress.getByAddress(bytes), Integer.parseInt(parts[1], 16));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(hexAddressAndPort, e);
        }
    }

    /** An address and port; an IPv4-mapped IPv6 address comes back as the IPv4 one. */
    record InetAddressAndPort(InetAddress address, int port) {}

    private static Map<String, InetAddressAndPort> listeningByInode(Path table) {
        Map<String, InetAddressAndPort> byInode = new HashMap<>();
        if (!Files.exists(table)) {
            return byInode;
        }
        List<String> rows = readLines(table);
        for (String line : rows.subList(1, rows.size())) {
            String[] columns = line.trim().split("\\s+");
            if (columns[3].equals(LISTEN)) {
                byInode.put(columns[9], parse(columns[1]));
            }
        }
        return byInode;
    }

    /** The root and every descendant, found by the parent pid in {@code /proc/<pid>/stat}. */
    private static Set<Long> processTree(long root) {
        Map<Long, List<Long>> children = new HashMap<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            procs.filter(p -> p.getFileName().toString().matches("\\d+"))
                    .forEach(
                            p -> {
                                Long parent = parentPid(p);
                                if (parent != null) {
                                    children.computeIfAbsent(parent, k -> new ArrayList<>())
                                            .add(Long.parseLong(p.getFileName().toString()));
                                }
                            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<Long> tree = new HashSet<>();
        Deque<Long> todo = new ArrayDeque<>(List.of(root));
        while (!todo.isEmpty()) {
            long pid = todo.pop();
            if (tree.add(pid)) {
                todo.addAll(children.getOrDefault(pid, List.of()));
            }
        }
        return tree;
    }

    private static Long parentPid(Path proc) {
        try {
            String stat = Files.readString(proc.resolve("stat"));
            // "pid (comm) state ppid …"; comm may hold spaces and parentheses.
            String[] afterComm = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(afterComm[1]);
        } catch (IOException e) {
            return null; // the process has exited meanwhile
        }
    }

    private static List<String> socketInodes(long pid) {
        List<String> inodes = new ArrayList<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path fd : fds.toList()) {
                Matcher m = SOCKET.matcher(readLink(fd));
                if (m.matches()) {
                    inodes.add(m.group(1));
                }
            }
        } catch (IOException e) {
            // the process has exited meanwhile: it listens on nothing
        }
        return inodes;
    }

    private static String readLink(Path fd) {
        try {
            return Files.readSymbolicLink(fd).toString();
        } catch (IOException e) {
            return ""; // closed meanwhile
        }
    }

    private static String command(long pid) {
        try {
            String cmd = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"));
            String first = cmd.split("\0", 2)[0];
            return first.substring(first.lastIndexOf('/') + 1);
        } catch (IOException e) {
            return "?";
        }
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
