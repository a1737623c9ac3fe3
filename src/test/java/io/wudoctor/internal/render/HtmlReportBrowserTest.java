package io.wudoctor.internal.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wudoctor.TestRules;
import io.wudoctor.api.Explained;
import io.wudoctor.api.Step;
import io.wudoctor.Wudoctor;
import io.wudoctor.internal.render.HtmlRenderer;
import io.wudoctor.internal.render.Report;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every sample's HTML report, opened in a real headless chromium at 1024 px: the steps show in
 * plan order with their titles, nothing is wider than the window, the page logs no error and
 * asks for nothing but itself, and printed, the folded explanations are shown. Screenshots go
 * to target/html-reports/. Skipped only when no chromium is installed; .ci/run installs it and
 * fails if this test was skipped.
 */
class HtmlReportBrowserTest {

    static final int WIDTH = 1024;
    private static final Path OUT = Path.of("target", "html-reports");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PAGE_STATE = """
            JSON.stringify({
              steps: [...document.querySelectorAll('li.step')].map(li => ({
                number: li.querySelector('.number').textContent, title: li.querySelector('.title').textContent,
                height: li.getBoundingClientRect().height})),
              scrollWidth: document.documentElement.scrollWidth,
              clientWidth: document.documentElement.clientWidth,
              wider: [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > innerWidth + 0.5)
                  .map(e => e.tagName + '.' + e.className),
              verdict: document.getElementById('verdict') ? document.getElementById('verdict').innerText : null,
              summary: document.getElementById('summary').innerText,
              incident: document.getElementById('incident') ? document.getElementById('incident').innerText : null,
              openDetails: document.querySelectorAll('details[open]').length,
              command: [...document.querySelectorAll('#provenance dt')].filter(dt => dt.textContent === 'Command')
                  .map(dt => dt.nextElementSibling.innerText)[0],
              rules: document.querySelector('#provenance code.rules') ? document.querySelector('#provenance code.rules').innerText : null
            })""";
    private static final String PRINTED_EXPLANATION = """
            [...document.querySelectorAll('details.explanation > p:last-child')]
                .every(p => p.getBoundingClientRect().height > 0)""";

    private static HeadlessChromium browser;

    @BeforeAll
    static void start() throws Exception {
        var binary = HeadlessChromium.find();
        Assumptions.assumeTrue(binary.isPresent(), "SKIPPED: no chromium on the PATH (apt-get install chromium, or "
                + "set WUDOCTOR_CHROMIUM); .ci/run installs it and fails when this test is skipped");
        browser = new HeadlessChromium(binary.get());
        Files.createDirectories(OUT);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> everySampleReportShowsItsPlanInABrowser() throws Exception {
        List<Path> samples;
        try (Stream<Path> s = Files.list(Path.of("facts-samples"))) {
            samples = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(samples).hasSizeGreaterThan(20);
        return samples.stream().map(sample -> DynamicTest.dynamicTest(sample.getFileName().toString(), () -> check(sample)));
    }

    private static void check(Path sample) throws Exception {
        Wudoctor doctor = TestRules.builtin();
        Explained x = doctor.diagnoseExplained(Wudoctor.readFacts(sample));
        String html = new HtmlRenderer().render(new Report(x.diagnosis(), x,
                new Report.Provenance("wudoctor diagnose " + sample + " --format html", "2026-12-01T00:00:00Z")));
        String name = sample.getFileName().toString().replace(".yaml", "");
        Path file = OUT.resolve(name + ".html").toAbsolutePath();
        Files.writeString(file, html, StandardCharsets.UTF_8);

        try (HeadlessChromium.Page page = browser.newPage(WIDTH, 800)) {
            page.open(file);
            JsonNode state = JSON.readTree(page.evaluate(PAGE_STATE).asText());

            List<Step> steps = x.diagnosis().steps();
            assertThat(state.get("steps")).as("steps shown").hasSize(steps.size());
            for (int i = 0; i < steps.size(); i++) {
                JsonNode shown = state.get("steps").get(i);
                assertThat(shown.get("number").asText()).isEqualTo(steps.get(i).number() + ".");
                assertThat(shown.get("number").asText()).isEqualTo((i + 1) + ".");
                assertThat(shown.get("title").asText()).isEqualTo(steps.get(i).title());
                assertThat(shown.get("height").asDouble()).as("step %d is laid out", i + 1).isGreaterThan(20);
            }
            assertThat(state.get("scrollWidth").asInt()).as("no horizontal scrolling at %d px", WIDTH)
                    .isLessThanOrEqualTo(state.get("clientWidth").asInt());
            assertThat(state.get("wider")).as("elements wider than the window").isEmpty();
            assertThat(state.get("summary").asText()).isEqualTo(x.diagnosis().summary());
            var lead = x.diagnosis().verdict().lead();
            assertThat(state.get("verdict").asText()).startsWith(lead == null ? "Verdict: no specific cause found"
                    : "Verdict: specific cause found (" + lead.strength() + "): " + lead.title());
            var incident = x.diagnosis().incident();
            if (incident != null && incident.errorCode() != null) {
                assertThat(state.get("incident").asText()).startsWith("Incident: " + incident.errorCode() + " during "
                        + incident.surface());
            }
            assertThat(state.get("openDetails").asInt()).as("explanations start folded").isZero();
            assertThat(state.get("command").asText()).isEqualTo("wudoctor diagnose " + sample + " --format html");
            var builtin = x.diagnosis().rulePack().builtin();
            assertThat(state.get("rules").asText()).isEqualTo("built-in rules " + builtin.version() + " sha256:"
                    + builtin.sha256() + " (" + builtin.files() + " files)");
            assertThat(page.errors()).as("console errors").isEmpty();
            assertThat(page.requests()).as("the page asks for nothing but itself").containsOnly(file.toUri().toString());

            byte[] png = page.screenshot();
            Files.write(OUT.resolve(name + ".png"), png);
            assertThat(pngWidth(png)).as("the screenshot is the page as wide as the window less its scroll bar")
                    .isEqualTo(state.get("clientWidth").asInt()).isGreaterThan(WIDTH - 20);

            page.emulatePrint();
            assertThat(page.evaluate(PRINTED_EXPLANATION).asBoolean()).as("printed, the explanations are shown").isTrue();
        }
    }

    /** A PNG's width: the IHDR chunk's first field, after the 8-byte signature and the chunk's length and type. */
    private static int pngWidth(byte[] png) {
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        return ByteBuffer.wrap(png, 16, 4).getInt();
    }

    /** The browser sees markup in a step title as text: the template escapes it. */
    @Test
    void markupInReportTextIsShownAsTextNotRun() throws Exception {
        var d = TestRules.builtin().diagnoseExplained(Wudoctor.readFacts(Path.of("facts-samples/no-evidence.yaml")));
        var evil = new io.wudoctor.api.Diagnosis(d.diagnosis().schemaVersion(), d.diagnosis().tool(),
                "<img src=x onerror=\"console.error('ran')\"><script>console.error('ran')</script>", d.diagnosis().verdict(),
                d.diagnosis().findings(), d.diagnosis().steps(), d.diagnosis().skipped(), List.of("</p><b>bold</b>"));
        Path file = OUT.resolve("escaping.html").toAbsolutePath();
        Files.writeString(file, new HtmlRenderer().render(new Report(evil, null)), StandardCharsets.UTF_8);
        try (HeadlessChromium.Page page = browser.newPage(WIDTH, 800)) {
            page.open(file);
            assertThat(page.evaluate("document.getElementById('summary').innerText").asText()).isEqualTo(evil.summary());
            assertThat(page.evaluate("document.querySelectorAll('script, img, b').length").asInt()).isZero();
            assertThat(page.errors()).isEmpty();
        }
    }
}
