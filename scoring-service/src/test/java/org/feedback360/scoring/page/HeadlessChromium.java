package org.feedback360.scoring.page;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Drives the Debian {@code chromium} binary headless, one short-lived browser per call with a fresh
 * profile: the DOM after load and layout ({@code --dump-dom}), the result of a script run against the
 * laid-out page, a screenshot, or a PDF as printed. Works against any URL a test can reach: a file
 * written by the test, or a running endpoint.
 */
public final class HeadlessChromium {

    /** Where Debian installs it; CHROMIUM_BIN overrides. */
    static final String DEFAULT_BINARY = "/usr/bin/chromium";
    static final Duration TIMEOUT = Duration.ofSeconds(90);

    private final Path binary;

    private HeadlessChromium(Path binary) {
        this.binary = binary;
    }

    /** The browser, or empty when it is not installed (tests skip then, saying so). */
    public static Optional<HeadlessChromium> find() {
        String configured = System.getenv("CHROMIUM_BIN");
        Path path = Paths.get(configured == null || configured.isBlank() ? DEFAULT_BINARY : configured);
        return Files.isExecutable(path) ? Optional.of(new HeadlessChromium(path)) : Optional.empty();
    }

    public static String missingMessage() {
        return "headless Chromium not found at " + DEFAULT_BINARY + " (or $CHROMIUM_BIN): apt-get install -y chromium";
    }

    /**
     * Headless Chromium lays a window out at least this wide, whatever --window-size says; narrower
     * viewports are made with a frame of the wanted size (see {@link #framed}).
     */
    static final int MIN_WINDOW_WIDTH = 500;

    /** The serialised DOM once the page has loaded and been laid out (at least {@link #MIN_WINDOW_WIDTH} wide). */
    public String dumpDom(URI url, int width, int height) {
        return run(List.of("--dump-dom", "--window-size=" + Math.max(width, MIN_WINDOW_WIDTH) + "," + height, url.toString()));
    }

    /**
     * Runs a script against the page as laid out in a viewport of the given size, and returns what
     * it returns. The page itself stays untouched (its CSP may forbid scripts): the script runs in
     * a frame around it, with {@code window} and {@code document} bound to the page's.
     *
     * @param body the body of a JavaScript function of (window, document) that returns a string
     */
    public String evaluate(URI url, int width, int height, String body) {
        String script = "<script>window.addEventListener('load', function () {"
                + " var frame = document.getElementById('page');"
                + " var result = (function (window, document) {" + body + "})(frame.contentWindow, frame.contentDocument);"
                + " document.getElementById('result').textContent = btoa(unescape(encodeURIComponent(String(result))));"
                + "});</script>";
        Path wrapper = framed(url, width, height, script + "<pre id=\"result\"></pre>");
        try {
            // Scrollbars hidden as on phones, where they overlay the page instead of narrowing it.
            String dom = run(List.of("--disable-web-security", "--allow-file-access-from-files", "--hide-scrollbars", "--dump-dom",
                    "--window-size=" + Math.max(width, MIN_WINDOW_WIDTH) + "," + (height + 100), wrapper.toUri().toString()));
            int start = dom.indexOf("<pre id=\"result\">");
            int end = dom.indexOf("</pre>", start);
            if (start < 0 || end < 0) {
                throw new IllegalStateException("the script returned nothing: " + dom);
            }
            String encoded = dom.substring(start + "<pre id=\"result\">".length(), end).strip();
            return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } finally {
            deleteFile(wrapper);
        }
    }

    /** A PNG of the top of the page in a viewport of the given size; scale 2 gives a phone's sharpness. */
    public void screenshot(URI url, Path png, int width, int height, int scale) {
        boolean narrow = width < MIN_WINDOW_WIDTH;
        Path wrapper = narrow ? framed(url, width, height, "") : null;
        try {
            URI target = narrow ? wrapper.toUri() : url;
            run(List.of("--hide-scrollbars", "--force-device-scale-factor=" + scale, "--screenshot=" + png.toAbsolutePath(),
                    "--window-size=" + width + "," + height, target.toString()));
            requireWritten(png);
        } finally {
            deleteFile(wrapper);
        }
    }

    /** The page as the print stylesheet lays it out on paper. */
    public void printToPdf(URI url, Path pdf) {
        run(List.of("--no-pdf-header-footer", "--print-to-pdf=" + pdf.toAbsolutePath(), url.toString()));
        requireWritten(pdf);
    }

    /** A page holding the target in a borderless frame of exactly width × height, at the top left. */
    private static Path framed(URI url, int width, int height, String extra) {
        String html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><style>html,body{margin:0;background:#fff}"
                + "iframe{display:block;border:0}</style></head><body><iframe id=\"page\" src=\""
                + url.toString().replace("&", "&amp;").replace("\"", "&quot;") + "\" width=\"" + width + "\" height=\""
                + height + "\"></iframe>" + extra + "</body></html>";
        try {
            Path file = Files.createTempFile("chromium-frame", ".html");
            Files.writeString(file, html, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteFile(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // A stray file in the temp directory is harmless.
            }
        }
    }

    private String run(List<String> args) {
        Path profile = null;
        try {
            profile = Files.createTempDirectory("chromium-profile");
            List<String> command = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--disable-extensions", "--mute-audio", "--user-data-dir=" + profile));
            command.addAll(args);
            Path out = profile.resolveSibling(profile.getFileName() + ".out");
            Path err = profile.resolveSibling(profile.getFileName() + ".err");
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            try {
                if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                    throw new IllegalStateException("chromium did not finish within " + TIMEOUT + ": " + command);
                }
                String stdout = Files.readString(out, StandardCharsets.UTF_8);
                if (process.exitValue() != 0) {
                    throw new IllegalStateException("chromium exited " + process.exitValue() + ": "
                            + Files.readString(err, StandardCharsets.UTF_8));
                }
                return stdout;
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            delete(profile);
        }
    }

    private static void requireWritten(Path file) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) == 0) {
                throw new IllegalStateException("chromium wrote nothing to " + file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A profile left in the temp directory is harmless.
        }
    }
}
