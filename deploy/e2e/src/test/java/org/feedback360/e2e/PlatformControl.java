package org.feedback360.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Crashes and restarts parts of the running platform through the launcher, as an operator
 * (or a failing machine) would: {@code deploy/local/platform kill|stop|start|restart <part>}.
 */
final class PlatformControl {

    private static final Path LAUNCHER = launcher();

    private static Path launcher() {
        String configured = System.getProperty("e2e.launcher");
        return configured == null || configured.isBlank() || configured.startsWith("${")
                ? Path.of("../local/platform") : Path.of(configured);
    }

    private PlatformControl() {
    }

    static void kill(String part) {
        run("kill", part);
    }

    static void stop(String part) {
        run("stop", part);
    }

    static void start(String part) {
        run("start", part);
    }

    static void restart(String part) {
        run("restart", part);
    }

    private static void run(String action, String part) {
        if (!Files.isExecutable(LAUNCHER)) {
            throw new IllegalStateException("launcher not found at " + LAUNCHER.toAbsolutePath());
        }
        try {
            Process p = new ProcessBuilder(List.of(LAUNCHER.toString(), action, part)).inheritIO().start();
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(action + " " + part + " did not finish within 300 s");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(action + " " + part + " failed with exit code " + p.exitValue());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run the launcher", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
