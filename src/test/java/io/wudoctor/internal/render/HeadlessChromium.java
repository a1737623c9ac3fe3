package io.wudoctor.internal.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's chromium, headless, driven over the Chrome DevTools Protocol with the JDK's own
 * WebSocket client (no driver binary to keep in step with the browser). It listens on the
 * loopback only and is started with a fresh profile and no background networking.
 */
final class HeadlessChromium implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private volatile CompletableFuture<Void> loaded = new CompletableFuture<>();

    /** The browser binary: WUDOCTOR_CHROMIUM, else chromium or chromium-browser on the PATH. */
    static Optional<Path> find() {
        String env = System.getenv("WUDOCTOR_CHROMIUM");
        if (env != null && !env.isBlank()) {
            return Optional.of(Path.of(env)).filter(Files::isExecutable);
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser")) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    HeadlessChromium(Path binary) throws IOException, InterruptedException {
        profile = Files.createTempDirectory("wudoctor-chromium-");
        process = new ProcessBuilder(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-extensions", "--user-data-dir=" + profile, "--remote-debugging-address=127.0.0.1",
                "--remote-debugging-port=0", "about:blank")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String ws = listeningAddress();
        socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(TIMEOUT)
                .buildAsync(URI.create(ws), new Listener()).join();
    }

    /** Reads stderr until chromium prints where it listens; keeps draining it afterwards. */
    private String listeningAddress() throws IOException {
        BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        String line;
        while (System.nanoTime() < deadline && (line = err.readLine()) != null) {
            seen.append(line).append('\n');
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> err.lines().forEach(l -> { }), "chromium-stderr");
                drain.setDaemon(true);
                drain.start();
                return m.group(1);
            }
        }
        throw new IOException("chromium did not start its DevTools endpoint; it printed:\n" + seen);
    }

    /** One page (tab) with its own session: what it logged and requested is kept per page. */
    Page newPage(int width, int height) throws Exception {
        String target = call(null, "Target.createTarget", Map.of("url", "about:blank")).get("targetId").asText();
        String session = call(null, "Target.attachToTarget", Map.of("targetId", target, "flatten", true))
                .get("sessionId").asText();
        for (String domain : List.of("Page", "Runtime", "Log", "Network")) {
            call(session, domain + ".enable", Map.of());
        }
        call(session, "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
        return new Page(target, session);
    }

    final class Page implements AutoCloseable {
        private final String target;
        private final String session;

        private Page(String target, String session) {
            this.target = target;
            this.session = session;
        }

        void open(Path file) throws Exception {
            loaded = new CompletableFuture<>();
            call(session, "Page.navigate", Map.of("url", file.toUri().toString()));
            loaded.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }

        /** The value of a JavaScript expression evaluated in the page (DevTools evaluation is not subject to the page's CSP). */
        JsonNode evaluate(String expression) throws Exception {
            JsonNode r = call(session, "Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
            if (r.has("exceptionDetails")) {
                throw new IllegalStateException("evaluation failed: " + r.get("exceptionDetails"));
            }
            return r.get("result").get("value");
        }

        /** From now on the page is laid out as printed (CSS {@code @media print}). */
        void emulatePrint() throws Exception {
            call(session, "Emulation.setEmulatedMedia", Map.of("media", "print"));
        }

        /** A PNG of the whole page, as wide as the viewport. */
        byte[] screenshot() throws Exception {
            JsonNode size = call(session, "Page.getLayoutMetrics", Map.of()).get("cssContentSize");
            Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", size.get("width").asDouble(),
                    "height", size.get("height").asDouble(), "scale", 1);
            String data = call(session, "Page.captureScreenshot",
                    Map.of("format", "png", "captureBeyondViewport", true, "clip", clip)).get("data").asText();
            return Base64.getDecoder().decode(data);
        }

        /** Console errors, uncaught exceptions, and error-level log entries (CSP violations, failed loads) of this page. */
        List<String> errors() {
            List<String> out = new ArrayList<>();
            for (JsonNode e : ofThisPage()) {
                String method = e.path("method").asText();
                JsonNode p = e.path("params");
                if (method.equals("Runtime.consoleAPICalled") && p.path("type").asText().matches("error|assert")) {
                    out.add("console." + p.path("type").asText() + ": " + p.path("args"));
                } else if (method.equals("Runtime.exceptionThrown")) {
                    out.add("exception: " + p.path("exceptionDetails"));
                } else if (method.equals("Log.entryAdded") && p.path("entry").path("level").asText().equals("error")) {
                    out.add("log: " + p.path("entry").path("text").asText());
                }
            }
            return out;
        }

        /** Every URL the page asked for. */
        List<String> requests() {
            return ofThisPage().stream().filter(e -> e.path("method").asText().equals("Network.requestWillBeSent"))
                    .map(e -> e.path("params").path("request").path("url").asText()).toList();
        }

        private List<JsonNode> ofThisPage() {
            return events.stream().filter(e -> session.equals(e.path("sessionId").asText())).toList();
        }

        @Override
        public void close() throws Exception {
            call(null, "Target.closeTarget", Map.of("targetId", target));
        }
    }

    private JsonNode call(String session, String method, Map<String, Object> params) throws Exception {
        int id = ids.incrementAndGet();
        ObjectNode msg = JSON.createObjectNode().put("id", id).put("method", method);
        msg.set("params", JSON.valueToTree(params));
        if (session != null) {
            msg.put("sessionId", session);
        }
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        socket.sendText(JSON.writeValueAsString(msg), true).join();
        JsonNode r = reply.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (r.has("error")) {
            throw new IllegalStateException(method + ": " + r.get("error"));
        }
        return r.get("result");
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                handle(partial.toString());
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        private void handle(String text) {
            try {
                JsonNode m = JSON.readTree(text);
                if (m.has("id")) {
                    CompletableFuture<JsonNode> f = pending.remove(m.get("id").asInt());
                    if (f != null) {
                        f.complete(m);
                    }
                } else {
                    events.add(m);
                    if (m.path("method").asText().equals("Page.loadEventFired")) {
                        loaded.complete(null);
                    }
                }
            } catch (IOException e) {
                pending.values().forEach(f -> f.completeExceptionally(e));
            }
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        } catch (RuntimeException ignored) {
            // the browser is stopped below either way
        }
        // Chromium's helpers (network service, renderers) outlive the browser process for a moment and
        // still write into the profile: the folder is deleted once every one of them has ended.
        List<ProcessHandle> helpers = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        for (ProcessHandle helper : helpers) {
            helper.destroy();
            try {
                helper.onExit().get(10, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                helper.destroyForcibly();
                helper.onExit().join();
            }
        }
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
