package org.feedback360.scoring.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.feedback360.scoring.engine.RaterSubmission;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The page in a real browser: headless Chromium loads it from a file, lays it out at phone and
 * desktop widths, screenshots it and prints it. Set {@code -Dreport.demo.dir=../docs} to write the
 * demo screenshots there (see the module README).
 */
class ReportPageBrowserTest {

    static final String ATTACK = "<script>alert(1)</script><b>x</b>";
    static final int PHONE = 390;
    static final int SMALL_PHONE = 360;
    static final int DESKTOP = 1280;

    static HeadlessChromium chromium;
    static Path dir;
    final ReportPage page = PageEngine.reportPage();

    @BeforeAll
    static void browser() throws IOException {
        chromium = HeadlessChromium.find().orElse(null);
        assumeTrue(chromium != null, HeadlessChromium.missingMessage());
        dir = Files.createDirectories(Paths.get("target", "report-page"));
    }

    @Test
    void domAfterLoadHasTheRadarTheWithheldFiguresAndCommentsAsText() throws IOException {
        String html = demoWithAttackingComment();

        String dom = chromium.dumpDom(write("attack.html", html), DESKTOP, 900);

        Matcher radar = Pattern.compile("<svg viewBox=\"[^\"]+\" role=\"img\" aria-labelledby=\"radar-title-wide radar-desc-wide\">(.*?)</svg>",
                Pattern.DOTALL).matcher(dom);
        assertTrue(radar.find(), "radar chart svg");
        assertEquals(3, count(radar.group(1), "<polygon points=\"[-0-9., ]+\"></polygon>") - 4,
                "one polygon per series besides the four grid rings");
        assertTrue(radar.group(1).contains("Psychological"), "spoke labels");
        assertTrue(dom.contains("withheld — group below 3"), "peers are withheld with their reason");
        assertTrue(dom.contains("Fewer than 3 people of this group responded, or none were asked."));
        assertTrue(dom.contains("<blockquote>&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;x&lt;/b&gt;</blockquote>"),
                "the comment is text");
        assertFalse(dom.contains("<script"), "no script element in the DOM");
        assertFalse(dom.contains("<b>x</b>"), "no injected element in the DOM");
    }

    @Test
    void phoneLayoutNeverScrollsSidewaysAndKeepsTextReadable() throws IOException {
        String html = demoWithAttackingComment();
        JsonNode probe = probe(html, "probe-360.html", SMALL_PHONE);

        assertEquals(SMALL_PHONE, probe.get("viewport").asInt());
        assertTrue(probe.get("scrollWidth").asInt() <= SMALL_PHONE, "page wider than the phone: " + probe);
        assertEquals(0, probe.get("overflowing").size(), "elements past the right edge: " + probe.get("overflowing"));
        assertTrue(probe.get("bodyFont").asDouble() >= 16, "body text " + probe.get("bodyFont"));
        assertTrue(probe.get("smallestProse").asDouble() >= 16, "prose text " + probe.get("smallestProse"));
        assertEquals(3, probe.get("seriesPolygons").asInt(), "radar polygons");
        assertTrue(probe.get("radarWidth").asDouble() > 300, "radar uses the width: " + probe.get("radarWidth"));
        assertEquals(0, probe.get("clippedLabels").size(), "radar labels cut off: " + probe.get("clippedLabels"));
        assertTrue(probe.get("smallestLabel").asDouble() >= 11, "radar labels legible: " + probe.get("smallestLabel"));
        assertEquals(0, probe.get("elementsInComments").asInt(), "comments hold text only");
        assertEquals(ATTACK, probe.get("attackText").asText());
        assertEquals(0, probe.get("externalReferences").size(), "no external requests: " + probe.get("externalReferences"));
    }

    @Test
    void demoScreenshotsAtPhoneAndDesktopWidth() throws IOException {
        String html = page.render(Reports.demo(), Reports.demoContext("en"));
        // The phone picture shows the first screens (header to gap bars), the desktop one the whole page.
        int phoneHeight = probe(html, "probe-390.html", PHONE).get("gapsBottom").asInt();
        int desktopHeight = probe(html, "probe-1280.html", DESKTOP).get("scrollHeight").asInt();
        URI demo = write("report-demo.html", html);

        Path phone = dir.resolve("report-demo.png");
        chromium.screenshot(demo, phone, PHONE, phoneHeight, 2);
        Path desktop = dir.resolve("report-demo-desktop.png");
        chromium.screenshot(demo, desktop, DESKTOP, desktopHeight, 1);

        assertPicture(phone, PHONE * 2, phoneHeight * 2);
        assertPicture(desktop, DESKTOP, desktopHeight);
        String target = System.getProperty("report.demo.dir");
        if (target != null && !target.isBlank()) {
            Path docs = Files.createDirectories(Paths.get(target));
            Files.copy(phone, docs.resolve("report-demo.png"), StandardCopyOption.REPLACE_EXISTING);
            Files.copy(desktop, docs.resolve("report-demo-desktop.png"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void printsOnePageBreakPerSection() throws IOException {
        Path pdf = dir.resolve("report-demo.pdf");
        chromium.printToPdf(write("report-print.html", page.render(Reports.demo(), Reports.demoContext("en"))), pdf);
        String text = new String(Files.readAllBytes(pdf), StandardCharsets.ISO_8859_1);
        int pages = count(text, "/Type\\s*/Page[^s]");
        assertTrue(pages >= 5, "summary, radar, spots, tables and comments start pages: " + pages);
    }

    // --- helpers ---

    /** The demo with a follower's comment that tries to inject markup. */
    private String demoWithAttackingComment() {
        List<RaterSubmission> submissions = new ArrayList<>(Reports.demoSubmissions());
        submissions.replaceAll(s -> s.raterKey().equals("r-f4") ? Reports.comments(s, "keep_doing", ATTACK) : s);
        return page.render(Reports.worked(submissions, Reports.DEMO_INSTRUMENT), Reports.demoContext("en"));
    }

    private static URI write(String name, String html) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, html, StandardCharsets.UTF_8);
        return file.toAbsolutePath().toUri();
    }

    /** Layout facts of the page as Chromium lays it out in a viewport this wide. */
    private JsonNode probe(String html, String name, int width) throws IOException {
        return new ObjectMapper().readTree(chromium.evaluate(write(name, html), width, 800, PROBE));
    }

    private static final String PROBE = """
            var root = document.documentElement, width = root.clientWidth, overflowing = [];
            document.querySelectorAll('main *, footer').forEach(function (e) {
              var box = e.getBoundingClientRect();
              if (box.width > 0 && (box.right > width + 0.5 || box.left < -0.5)) {
                overflowing.push(e.tagName + '.' + (e.getAttribute('class') || '') + ' ' + Math.round(box.right));
              }
            });
            var smallest = 1000;
            document.querySelectorAll('p.intro, blockquote, .item-text, .guide p, .category-name, td .value')
              .forEach(function (e) { smallest = Math.min(smallest, parseFloat(window.getComputedStyle(e).fontSize)); });
            var external = [];
            document.querySelectorAll('[src], [href], link, script').forEach(function (e) {
              var ref = e.getAttribute('src') || e.getAttribute('href') || e.tagName;
              if (ref.charAt(0) !== '#' && ref.indexOf('data:') !== 0) { external.push(ref); }
            });
            var elements = 0, attack = '';
            document.querySelectorAll('blockquote').forEach(function (q) {
              elements += q.children.length;
              if (q.textContent.indexOf('alert(1)') >= 0) { attack = q.textContent; }
            });
            var radar = Array.prototype.find.call(document.querySelectorAll('#radar svg[role=img]'),
                function (svg) { return svg.getBoundingClientRect().width > 0; }), clipped = [], smallestLabel = 1000;
            if (radar) {
              var frame = radar.getBoundingClientRect();
              radar.querySelectorAll('.spoke-label').forEach(function (t) {
                var box = t.getBoundingClientRect();
                smallestLabel = Math.min(smallestLabel, parseFloat(window.getComputedStyle(t).fontSize) * frame.width / radar.viewBox.baseVal.width);
                if (box.left < frame.left - 0.5 || box.right > frame.right + 0.5 || box.top < frame.top - 0.5 || box.bottom > frame.bottom + 0.5) {
                  clipped.push(t.textContent);
                }
              });
            }
            return JSON.stringify({
              viewport: width, scrollWidth: root.scrollWidth, scrollHeight: root.scrollHeight,
              gapsBottom: Math.ceil(document.getElementById('gaps').getBoundingClientRect().bottom + window.scrollY + 12),
              overflowing: overflowing, bodyFont: parseFloat(window.getComputedStyle(document.body).fontSize),
              smallestProse: smallest, externalReferences: external, elementsInComments: elements, attackText: attack,
              seriesPolygons: radar ? radar.querySelectorAll('.series polygon').length : 0,
              radarWidth: radar ? radar.getBoundingClientRect().width : 0, clippedLabels: clipped, smallestLabel: smallestLabel
            });
            """;

    private static void assertPicture(Path png, int width, int height) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(width, image.getWidth(), png.toString());
        assertEquals(height, image.getHeight(), png.toString());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 7) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 100, "a real picture, not a blank page: " + colours.size() + " colours");
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
