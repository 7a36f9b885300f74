package io.tradecore.kernel.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the function catalog of every module on the classpath as JSON, for the deploy to read
 * ({@code jsondecode} in Terraform). Run at build time: {@code CatalogExport <output.json>}.
 *
 * <p>Per function: name, kind, domain, the module whose deployment package holds it, and its trigger (HTTP
 * route, topics with consumer group, or schedule). Per domain: its archive and bus topics.
 */
public final class CatalogExport {

    private CatalogExport() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: CatalogExport <output.json>");
        }
        Path output = Path.of(args[0]);
        Files.createDirectories(output.toAbsolutePath().getParent());
        JsonMapper json = JsonMapper.builder().build();
        Files.writeString(output, json.writerWithDefaultPrettyPrinter()
                .writeValueAsString(export(FunctionCatalogIndex.load(CatalogExport.class.getClassLoader()), json)) + "\n");
    }

    static ObjectNode export(FunctionCatalogIndex catalog, JsonMapper json) {
        ObjectNode root = json.createObjectNode();
        ArrayNode domains = root.putArray("domains");
        catalog.domains().forEach(domain -> domains.addObject()
                .put("name", domain)
                .put("module", module(domain))
                .put("eventstoreTopic", "eventstore." + domain)
                .put("transportTopic", "transport." + domain));
        ArrayNode functions = root.putArray("functions");
        catalog.entries().sorted(java.util.Comparator.comparing(CatalogEntry::name)).forEach(entry -> {
            ObjectNode function = functions.addObject()
                    .put("name", entry.name())
                    .put("kind", entry.kind().name().toLowerCase(Locale.ROOT))
                    .put("domain", entry.domain())
                    .put("module", module(entry.domain()));
            if (entry.http() != null) {
                function.putObject("http")
                        .put("method", entry.http().method())
                        .put("path", entry.http().path())
                        .put("public", entry.http().isPublic());
            }
            if (entry.isTopicTriggered()) {
                ArrayNode topics = function.putArray("topics");
                entry.topics().forEach(topics::add);
                function.put("consumerGroup", entry.name());
            }
            if (entry.schedule() != null) {
                function.put("schedule", entry.schedule());
            }
        });
        return root;
    }

    /** The Maven module (under functions/) whose package holds a domain's functions; the kernel's go with any. */
    static String module(String domain) {
        return domain == null ? "kernel" : domain.replace('_', '-');
    }
}
