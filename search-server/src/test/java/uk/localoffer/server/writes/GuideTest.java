package uk.localoffer.server.writes;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import uk.localoffer.server.ServerTestData;
import uk.localoffer.store.RecordJson;

import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every route of the authority-writes contract in openapi.json has a curl example in the guide for a council's web team. */
class GuideTest {
    private static final Pattern CURL = Pattern.compile("curl[^\\n]*?(?:-X (PUT|POST|DELETE)[^\\n]*?)?\"\\$API(/[^\"?]*)");

    @Test
    void theGuideShowsACurlForEveryAuthorityWriteRoute() throws Exception {
        String guide = Files.readString(ServerTestData.repo().resolve("import-scripts/GUIDE.md"));
        List<String> examples = new ArrayList<>();
        Matcher m = CURL.matcher(guide);
        while (m.find()) examples.add((m.group(1) == null ? "GET" : m.group(1)) + " /api/v1" + m.group(2));
        JsonNode doc;
        try (InputStream in = GuideTest.class.getResourceAsStream("/openapi.json")) { doc = RecordJson.MAPPER.readTree(in); }
        int routes = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.get("paths").fields(); it.hasNext(); ) {
            var path = it.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                var op = ops.next();
                if (!op.getValue().path("tags").toString().contains("authority writes")) continue;
                routes++;
                String route = op.getKey().toUpperCase() + " " + path.getKey();
                Pattern p = Pattern.compile(Pattern.quote(route).replaceAll("\\{[a-z]+}", "\\\\E[^/]+\\\\Q"));
                assertTrue(examples.stream().anyMatch(e -> p.matcher(e).matches()), "no curl example for " + route + " in " + examples);
            }
        }
        assertTrue(routes >= 16, "routes: " + routes);
    }
}
