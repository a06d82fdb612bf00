package io.parley.gateway.api;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every endpoint docs/protocol.md documents under "HTTP API" is in the OpenAPI document the
 * gateway generates from its controllers (META-INF/swagger/parley.yml, served at
 * /openapi/parley.yml), with every status the docs name for it: the success status in backticks
 * (`201 Created`), every error status before a backticked code (409 `3001`), and 401 for an
 * authenticated one. Error responses carry the {@code {code, message}} schema (ErrorBody);
 * authenticated endpoints ask for the bearer token, register and login for none. On failure it lists every gap, with the fix to make.
 */
class ProtocolMatchesOpenApiTest {
    private static final Pattern ENDPOINT = Pattern.compile(
            "^#{3,4} `(GET|POST|PUT|PATCH|DELETE) (/[^`?\\s]*)[^`]*`(.*)$");
    private static final Pattern HEADING = Pattern.compile("^#{2,4} ");
    private static final Pattern SUCCESS = Pattern.compile("`([23]\\d\\d)(?: [A-Za-z ]+)?`");
    private static final Pattern ERROR = Pattern.compile("\\b([45]\\d\\d) `\\d{4}`");
    private static final String ERROR_SCHEMA = "#/components/schemas/ErrorBody";

    /** One endpoint as docs/protocol.md documents it. */
    record Documented(String method, String path, int line, boolean authenticated,
                      Set<String> statuses) {
        String name() {
            return method + " " + path + " (docs/protocol.md line " + line + ")";
        }
    }

    @Test
    void everyDocumentedEndpointIsInTheOpenApiDocumentWithItsStatuses() throws IOException {
        List<Documented> documented = documented(Files.readAllLines(protocolMd()));
        assertTrue(documented.size() >= 30, "found only " + documented.size()
                + " endpoints in docs/protocol.md: has its heading format changed?");
        Map<String, Object> openApi = openApi();
        Map<String, Map<String, Object>> paths = cast(openApi.get("paths"));
        List<String> gaps = new ArrayList<>();
        for (Documented d : documented) {
            Map<String, Object> operation = operation(paths, d);
            if (operation == null) {
                gaps.add(d.name() + ": no such operation in the OpenAPI document; add the "
                        + "controller method (path and HTTP method as documented)");
                continue;
            }
            Map<String, Map<String, Object>> responses = cast(operation.getOrDefault("responses",
                    Map.of()));
            for (String status : d.statuses()) {
                Map<String, Object> response = responses.get(status);
                if (response == null) {
                    gaps.add(d.name() + ": response " + status + " missing; add @ApiResponse("
                            + "responseCode = \"" + status + "\", ...) to its controller method");
                } else if (status.charAt(0) >= '4' && !errorSchema(response)) {
                    gaps.add(d.name() + ": response " + status + " lacks the {code, message} "
                            + "schema; give it content = @Content(schema = @Schema("
                            + "implementation = ErrorBody.class))");
                }
            }
            for (String status : responses.keySet()) {
                if (!d.statuses().contains(status) && !status.startsWith("4")
                        && !status.startsWith("5")) {
                    gaps.add(d.name() + ": the OpenAPI document answers " + status
                            + ", which docs/protocol.md does not name; document it or fix the "
                            + "controller's @Status");
                }
            }
            Object security = operation.getOrDefault("security", openApi.get("security"));
            boolean asksForToken = security instanceof List<?> l && !l.isEmpty();
            if (!d.authenticated() && asksForToken) {
                gaps.add(d.name() + ": needs no token, but the OpenAPI document asks for one");
            } else if (d.authenticated() && !asksForToken) {
                gaps.add(d.name() + ": needs a token, but the OpenAPI document does not say so; "
                        + "add @SecurityRequirement(name = \"bearer\") to its controller");
            }
        }
        assertEquals("", String.join("\n", gaps), gaps.size()
                + " differences between docs/protocol.md and the OpenAPI document");
    }

    @Test
    void theErrorSchemaIsCodeAndMessage() throws IOException {
        Map<String, Object> components = cast(openApi().get("components"));
        Map<String, Map<String, Object>> schemas = cast(components.get("schemas"));
        Map<String, Object> error = schemas.get("ErrorBody");
        assertNotNull(error, "components.schemas.ErrorBody missing");
        Map<String, Object> properties = cast(error.get("properties"));
        assertEquals(Set.of("code", "message"), properties.keySet());
    }

    /** The endpoints of the "HTTP API" section, up to "Operations" (health, info: not API). */
    static List<Documented> documented(List<String> lines) {
        List<Documented> out = new ArrayList<>();
        boolean inApi = false;
        boolean inGroups = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("## ")) {
                inApi = line.equals("## HTTP API");
                continue;
            }
            if (!inApi || line.startsWith("### Operations")) {
                inApi = inApi && !line.startsWith("### Operations");
                continue;
            }
            if (line.startsWith("### ")) {
                inGroups = line.startsWith("### Groups");
            }
            Matcher m = ENDPOINT.matcher(line);
            if (!m.matches()) {
                continue;
            }
            boolean authenticated = inGroups || m.group(3).contains("(authenticated)");
            Set<String> statuses = new TreeSet<>();
            for (int j = i + 1; j < lines.size() && !HEADING.matcher(lines.get(j)).find(); j++) {
                statuses.addAll(all(SUCCESS, lines.get(j)));
                statuses.addAll(all(ERROR, lines.get(j)));
            }
            if (authenticated) {
                statuses.add("401");
            }
            out.add(new Documented(m.group(1), m.group(2), i + 1, authenticated, statuses));
        }
        return out;
    }

    private static Set<String> all(Pattern p, String line) {
        Set<String> found = new TreeSet<>();
        Matcher m = p.matcher(line);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static Map<String, Object> operation(Map<String, Map<String, Object>> paths,
                                                 Documented d) {
        String wanted = normalized(d.path());
        for (Map.Entry<String, Map<String, Object>> e : paths.entrySet()) {
            if (normalized(e.getKey()).equals(wanted)) {
                return cast(e.getValue().get(d.method().toLowerCase(java.util.Locale.ROOT)));
            }
        }
        return null;
    }

    /** Path parameters compared by position, not name. */
    private static String normalized(String path) {
        return path.replaceAll("\\{[^}]*}", "{}");
    }

    private static boolean errorSchema(Map<String, Object> response) {
        Map<String, Map<String, Object>> content = cast(response.get("content"));
        if (content == null || !content.containsKey("application/json")) {
            return false;
        }
        Map<String, Object> schema = cast(content.get("application/json").get("schema"));
        return schema != null && ERROR_SCHEMA.equals(schema.get("$ref"));
    }

    private static Path protocolMd() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("docs/protocol.md");
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("docs/protocol.md not found above the working directory");
    }

    private static Map<String, Object> openApi() throws IOException {
        try (InputStream in = ProtocolMatchesOpenApiTest.class.getClassLoader()
                .getResourceAsStream("META-INF/swagger/parley.yml")) {
            assertNotNull(in, "META-INF/swagger/parley.yml not generated: compile the gateway");
            return new Yaml().load(in);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object o) {
        return (T) o;
    }
}
