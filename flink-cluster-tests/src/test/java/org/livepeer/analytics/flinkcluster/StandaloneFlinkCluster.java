package org.livepeer.analytics.flinkcluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A standalone Flink cluster as the {@code flink:2.2.1-java17} image runs it under compose, built
 * from Flink's own jars: a Flink home with {@code conf/config.yaml} (the image's defaults plus
 * compose's {@code FLINK_PROPERTIES}), the shaded job jar in {@code usrlib/} (as
 * deploy/flink/Dockerfile puts it), and each JobManager or TaskManager a {@code java} process of
 * its own started as {@code bin/standalone-job.sh} and {@code bin/taskmanager.sh} start them: the
 * memory flags computed by Flink's {@code BashJavaUtils}, the class path flink-dist's {@code lib/}
 * would give (this module's runtime scope, {@code target/flink-lib.classpath}), the job's settings
 * in the environment. Each process writes stdout and stderr to a file under {@code log/}.
 */
final class StandaloneFlinkCluster implements AutoCloseable {

    static final String JOB_CLASS = "org.livepeer.analytics.processor.ProcessorJob";

    private static final String APPLICATION_ENTRYPOINT =
            "org.apache.flink.container.entrypoint.StandaloneApplicationClusterEntryPoint";
    private static final String TASK_MANAGER_RUNNER =
            "org.apache.flink.runtime.taskexecutor.TaskManagerRunner";
    private static final String BASH_JAVA_UTILS =
            "org.apache.flink.runtime.util.bash.BashJavaUtils";
    private static final String BASH_RESULT_PREFIX = "BASH_JAVA_UTILS_EXEC_RESULT:";

    /**
     * flink-dist's {@code env.java.opts.all} for Java 17 (its default config.yaml, which the image
     * ships); bin/config.sh puts them on every JVM's command line.
     */
    static final String JAVA_17_OPTS =
            "--add-exports=java.base/sun.net.util=ALL-UNNAMED"
                    + " --add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED"
                    + " --add-exports=jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED"
                    + " --add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED"
                    + " --add-exports=jdk.compiler/com.sun.tools.javac.parser=ALL-UNNAMED"
                    + " --add-exports=jdk.compiler/com.sun.tools.javac.tree=ALL-UNNAMED"
                    + " --add-exports=jdk.compiler/com.sun.tools.javac.util=ALL-UNNAMED"
                    + " --add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED"
                    + " --add-opens=java.base/java.lang=ALL-UNNAMED"
                    + " --add-opens=java.base/java.net=ALL-UNNAMED"
                    + " --add-opens=java.base/java.io=ALL-UNNAMED"
                    + " --add-opens=java.base/java.nio=ALL-UNNAMED"
                    + " --add-opens=java.base/sun.nio.ch=ALL-UNNAMED"
                    + " --add-opens=java.base/java.lang.reflect=ALL-UNNAMED"
                    + " --add-opens=java.base/java.text=ALL-UNNAMED"
                    + " --add-opens=java.base/java.time=ALL-UNNAMED"
                    + " --add-opens=java.base/java.util=ALL-UNNAMED"
                    + " --add-opens=java.base/java.util.concurrent=ALL-UNNAMED"
                    + " --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED"
                    + " --add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED";

    private final Path home;
    private final String classpath;
    private final Map<String, String> env;
    private final int restPort;
    private final List<ClusterJvm> started = new ArrayList<>();
    private MemoryFlags jobManagerMemory;
    private MemoryFlags taskManagerMemory;
    private int jvmCount;

    /** BashJavaUtils' answer: JVM flags (-Xmx…) and derived settings ({@code -D key=value}). */
    private record MemoryFlags(List<String> jvm, List<String> dynamic) {}

    /** One JobManager or TaskManager process and the file its output goes to. */
    record ClusterJvm(String name, Process process, Path log) {
        /** SIGKILL: {@link Process#destroyForcibly()} on a JVM sends SIGKILL. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " survived SIGKILL");
            }
        }
    }

    private StandaloneFlinkCluster(
            Path home, String classpath, Map<String, String> env, int restPort) {
        this.home = home;
        this.classpath = classpath;
        this.env = env;
        this.restPort = restPort;
    }

    /**
     * Lays out a Flink home under {@code home} (conf/, lib/, usrlib/ with {@code jobJar}, log/,
     * plugins/) with free loopback ports. {@code jobEnv} is what compose's {@code x-processor-env}
     * gives both Flink containers.
     */
    static StandaloneFlinkCluster create(
            Path home, Path libClasspathFile, Path jobJar, Map<String, String> jobEnv)
            throws IOException {
        for (String dir : List.of("conf", "lib", "usrlib", "log", "plugins")) {
            Files.createDirectories(home.resolve(dir));
        }
        Files.copy(jobJar, home.resolve("usrlib").resolve(jobJar.getFileName()));
        int rpcPort = freePort();
        int restPort = freePort();
        int blobPort = freePort();
        Files.writeString(home.resolve("conf/config.yaml"), config(rpcPort, restPort, blobPort));
        Map<String, String> env = new LinkedHashMap<>(jobEnv);
        // The entry points find usrlib/ next to the lib/ this names (ClusterEntrypointUtils),
        // as in the image's /opt/flink.
        env.put("FLINK_LIB_DIR", home.resolve("lib").toString());
        env.put("FLINK_PLUGINS_DIR", home.resolve("plugins").toString());
        env.put("FLINK_CONF_DIR", home.resolve("conf").toString());
        String classpath = Files.readString(libClasspathFile, StandardCharsets.UTF_8).trim();
        return new StandaloneFlinkCluster(home, classpath, env, restPort);
    }

    /**
     * The image's config.yaml defaults (flink-dist's, Java 17 options included) overridden by
     * compose's {@code FLINK_PROPERTIES}; on one machine the addresses are 127.0.0.1 instead of the
     * service names and 0.0.0.0, and the ports are free ones instead of 6123/8081/6124.
     */
    private static String config(int rpcPort, int restPort, int blobPort) {
        return String.join(
                "\n",
                "# flink-dist's defaults the image ships",
                "env.java.opts.all: " + JAVA_17_OPTS,
                "jobmanager.execution.failover-strategy: region",
                "parallelism.default: 1",
                "# compose.yaml FLINK_PROPERTIES (x-processor-env), on loopback",
                "jobmanager.rpc.address: 127.0.0.1",
                "jobmanager.rpc.port: " + rpcPort,
                "jobmanager.bind-host: 127.0.0.1",
                "taskmanager.bind-host: 127.0.0.1",
                "taskmanager.host: 127.0.0.1",
                "rest.address: 127.0.0.1",
                "rest.bind-address: 127.0.0.1",
                "rest.port: " + restPort,
                "blob.server.port: " + blobPort,
                "taskmanager.numberOfTaskSlots: 2",
                "jobmanager.memory.process.size: 1600m",
                "taskmanager.memory.process.size: 2048m",
                "metrics.reporter.prom.factory.class:"
                        + " org.apache.flink.metrics.prometheus.PrometheusReporterFactory",
                "");
    }

    String restUrl() {
        return "http://127.0.0.1:" + restPort;
    }

    Path home() {
        return home;
    }

    Path logDir() {
        return home.resolve("log");
    }

    /**
     * {@code standalone-job --job-classname ProcessorJob [extraArgs]}: application mode, the job
     * from usrlib/; {@code extraArgs} as compose's {@code FLINK_RESTORE_ARGS} (e.g. {@code
     * --fromSavepoint <path>}).
     */
    ClusterJvm startJobManager(String... extraArgs) throws IOException, InterruptedException {
        if (jobManagerMemory == null) {
            jobManagerMemory = bashJavaUtils("GET_JM_RESOURCE_PARAMS");
        }
        List<String> args = new ArrayList<>();
        args.addAll(List.of("--configDir", home.resolve("conf").toString()));
        args.addAll(List.of("--job-classname", JOB_CLASS));
        args.addAll(List.of(extraArgs));
        return start("jobmanager", APPLICATION_ENTRYPOINT, jobManagerMemory, args);
    }

    /** {@code taskmanager}: registers with the JobManager at the configured RPC address. */
    ClusterJvm startTaskManager() throws IOException, InterruptedException {
        if (taskManagerMemory == null) {
            taskManagerMemory = bashJavaUtils("GET_TM_RESOURCE_PARAMS");
        }
        List<String> args = List.of("--configDir", home.resolve("conf").toString());
        return start("taskmanager", TASK_MANAGER_RUNNER, taskManagerMemory, args);
    }

    /**
     * What bin/config.sh's {@code runBashJavaUtilsCmd} does: the JVM flags (first line) and the
     * derived memory settings as {@code -D key=value} (second line) for this config.
     */
    private MemoryFlags bashJavaUtils(String command) throws IOException, InterruptedException {
        Path log = logDir().resolve("bash-java-utils-" + command + ".log");
        List<String> argv = new ArrayList<>();
        argv.add(javaBinary());
        argv.addAll(List.of("-cp", classpath, BASH_JAVA_UTILS, command));
        argv.addAll(List.of("--configDir", home.resolve("conf").toString()));
        ProcessBuilder pb = new ProcessBuilder(argv).redirectError(log.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(command + " failed: " + out + "; see " + log);
        }
        List<String> results =
                out.lines()
                        .filter(l -> l.startsWith(BASH_RESULT_PREFIX))
                        .map(l -> l.substring(BASH_RESULT_PREFIX.length()))
                        .toList();
        if (results.size() != 2) {
            throw new IllegalStateException(command + " printed " + out);
        }
        return new MemoryFlags(split(results.get(0)), split(results.get(1)));
    }

    private ClusterJvm start(
            String role, String mainClass, MemoryFlags memory, List<String> programArgs)
            throws IOException {
        int n = ++jvmCount;
        String name = role + "-" + n;
        Path log = logDir().resolve(name + ".log");
        List<String> argv = new ArrayList<>();
        argv.add(javaBinary());
        argv.addAll(memory.jvm());
        argv.addAll(split(JAVA_17_OPTS));
        argv.add("-Dlog.file=" + log);
        argv.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=info");
        argv.add("-Dorg.slf4j.simpleLogger.showDateTime=true");
        argv.add("-Dorg.slf4j.simpleLogger.log.org.apache.kafka=warn");
        argv.addAll(List.of("-classpath", classpath, mainClass));
        argv.addAll(programArgs);
        argv.addAll(memory.dynamic());
        // Each JVM its own Prometheus port, as each container has 9249 to itself.
        argv.add("-Dmetrics.reporter.prom.port=" + freePort());
        ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().putAll(env);
        pb.directory(home.toFile());
        Files.writeString(logDir().resolve(name + ".cmd"), String.join(" ", argv));
        ClusterJvm jvm = new ClusterJvm(name, pb.start(), log);
        synchronized (started) {
            started.add(jvm);
        }
        return jvm;
    }

    private static List<String> split(String flags) {
        return Arrays.stream(flags.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL to every JVM still running: the test is over, nothing of theirs is needed. */
    @Override
    public void close() throws InterruptedException {
        synchronized (started) {
            for (ClusterJvm jvm : started) {
                if (jvm.process().isAlive()) {
                    jvm.kill();
                }
            }
        }
    }
}
